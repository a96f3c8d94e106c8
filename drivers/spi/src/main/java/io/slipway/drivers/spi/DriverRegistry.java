package io.slipway.drivers.spi;

import io.slipway.drivers.spi.kubernetes.KubernetesDriverProvider;
import io.slipway.drivers.spi.network.NetworkDriverProvider;
import io.slipway.drivers.spi.node.NodeDriverProvider;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The installed driver providers of every kind, keyed by kind and type. Loaded once at start
 * through ServiceLoader; immutable and thread-safe afterwards. Asking for a type that is not
 * installed fails naming the installed ones, so a typo is obvious.
 */
public final class DriverRegistry {
    private final Map<DriverKind, Map<String, DriverProvider<?>>> providers;
    private final List<DriverDescription> designOnly;

    private DriverRegistry(
            Map<DriverKind, Map<String, DriverProvider<?>>> providers, List<DriverDescription> designOnly) {
        this.providers = providers;
        this.designOnly = designOnly;
    }

    /** Every provider visible to this class's class loader. */
    public static DriverRegistry load() {
        return load(DriverRegistry.class.getClassLoader());
    }

    public static DriverRegistry load(ClassLoader loader) {
        List<DriverProvider<?>> found = new java.util.ArrayList<>();
        for (DriverKind kind : DriverKind.values()) {
            ServiceLoader.load(kind.providerType(), loader).stream()
                    .map(ServiceLoader.Provider::get)
                    .forEach(found::add);
        }
        List<DriverDescription> described = ServiceLoader.load(DesignOnlyType.class, loader).stream()
                .map(p -> p.get().description())
                .toList();
        return of(found, described);
    }

    /**
     * A registry of the given providers.
     *
     * @throws IllegalStateException when two providers claim one kind and type (a packaging error)
     */
    public static DriverRegistry of(Collection<? extends DriverProvider<?>> list) {
        return of(list, List.of());
    }

    /**
     * A registry of the given providers and of types described without a driver ({@link
     * DesignOnlyType}); a description of an installed type is ignored (the provider's own wins).
     *
     * @throws IllegalStateException when two providers claim one kind and type (a packaging error)
     */
    public static DriverRegistry of(
            Collection<? extends DriverProvider<?>> list, Collection<DriverDescription> designOnly) {
        Map<DriverKind, Map<String, DriverProvider<?>>> byKind = new EnumMap<>(DriverKind.class);
        for (DriverKind k : DriverKind.values()) {
            byKind.put(k, new TreeMap<>());
        }
        for (DriverProvider<?> p : list) {
            DriverDescription d = p.description();
            if (d.kind() != p.kind() || !d.type().equals(p.type())) {
                throw new IllegalStateException(p.getClass().getName() + " serves " + p.kind() + " " + p.type()
                        + " but describes " + d.kind() + " " + d.type());
            }
            DriverProvider<?> previous = byKind.get(p.kind()).putIfAbsent(p.type(), p);
            if (previous != null) {
                throw new IllegalStateException("two " + p.kind() + " drivers of type " + p.type() + ": "
                        + previous.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        byKind.replaceAll((k, m) -> Map.copyOf(m));
        List<DriverDescription> extra = designOnly.stream()
                .filter(d -> !byKind.get(d.kind()).containsKey(d.type()))
                .toList();
        return new DriverRegistry(Map.copyOf(byKind), extra);
    }

    /**
     * What every known type of {@code kind} asks of a design, sorted by type: the installed providers'
     * descriptions, then those of types described without a driver.
     */
    public List<DriverDescription> descriptions(DriverKind kind) {
        List<DriverDescription> out = new java.util.ArrayList<>();
        providers.get(kind).values().forEach(p -> out.add(p.description()));
        designOnly.stream().filter(d -> d.kind() == kind).forEach(out::add);
        out.sort(java.util.Comparator.comparing(DriverDescription::type));
        return List.copyOf(out);
    }

    /** The installed types of {@code kind}, sorted. */
    public List<String> types(DriverKind kind) {
        return providers.get(kind).keySet().stream().sorted().toList();
    }

    /** The installed types of {@code kind} that are not simulators, sorted. */
    public List<String> realTypes(DriverKind kind) {
        return providers.get(kind).values().stream()
                .filter(p -> !p.simulated())
                .map(DriverProvider::type)
                .sorted()
                .toList();
    }

    /** The installed type of {@code kind} that declares itself the standard choice, if any. */
    public Optional<String> standardType(DriverKind kind) {
        return providers.get(kind).values().stream()
                .filter(p -> p.standard() && !p.simulated())
                .map(DriverProvider::type)
                .sorted()
                .findFirst();
    }

    /** The installed simulator of {@code kind} (what {@code --simulate} uses), if any. */
    public Optional<String> simulatorType(DriverKind kind) {
        return providers.get(kind).values().stream()
                .filter(DriverProvider::simulated)
                .map(DriverProvider::type)
                .sorted()
                .findFirst();
    }

    public Optional<DriverProvider<?>> find(DriverKind kind, String type) {
        return Optional.ofNullable(type == null ? null : providers.get(kind).get(type));
    }

    /**
     * The provider of {@code kind} and {@code type}.
     *
     * @throws IllegalArgumentException "no node driver of type X is installed; installed: [...]"
     */
    public DriverProvider<?> provider(DriverKind kind, String type) {
        return find(kind, type)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no " + kind + " driver of type " + type + " is installed; installed: " + types(kind)));
    }

    public OobDriverProvider oob(String type) {
        return (OobDriverProvider) provider(DriverKind.OOB, type);
    }

    public NodeDriverProvider node(String type) {
        return (NodeDriverProvider) provider(DriverKind.NODE, type);
    }

    public NetworkDriverProvider network(String type) {
        return (NetworkDriverProvider) provider(DriverKind.NETWORK, type);
    }

    public KubernetesDriverProvider kubernetes(String type) {
        return (KubernetesDriverProvider) provider(DriverKind.KUBERNETES, type);
    }
}
