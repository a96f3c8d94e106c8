package io.slipway.drivers.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a driver type asks of a site design, declared by the driver itself so that the engine and
 * the rule files never name a type: the engine inserts one description per known type as a fact,
 * and the validation rules match on it. Immutable and thread-safe; built with {@link #of} and the
 * {@code with...} methods.
 *
 * @param kind the kind of driver
 * @param type the type name a design selects ({@code oob.type})
 * @param title how findings name the type ({@code IPMI} in "Valid IPMI Configuration")
 * @param findingCode the code findings about this type's parameters carry
 * @param requiredParameters the design parameters that must be present and not blank
 * @param addressed the BMC is reached at the node's address on the network {@code oob.network} names
 * @param login the driver logs in with {@code account} and {@code credential}
 * @param bootMacRequired a node of this type must declare {@code metadata.boot_mac}
 * @param check further checks of the parameters (formats, allowed values)
 */
public record DriverDescription(
        DriverKind kind,
        String type,
        String title,
        String findingCode,
        List<String> requiredParameters,
        boolean addressed,
        boolean login,
        boolean bootMacRequired,
        ParameterCheck check) {

    public DriverDescription {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(findingCode, "findingCode");
        requiredParameters = List.copyOf(requiredParameters);
        Objects.requireNonNull(check, "check");
    }

    /** A type that asks nothing of the design; its findings carry {@code SW4005}. */
    public static DriverDescription of(DriverKind kind, String type) {
        return new DriverDescription(kind, type, type, "SW4005", List.of(), false, false, false, ParameterCheck.NONE);
    }

    /** The same description, named {@code title} in findings that carry {@code findingCode}. */
    public DriverDescription withTitle(String newTitle, String newCode) {
        return new DriverDescription(
                kind, type, newTitle, newCode, requiredParameters, addressed, login, bootMacRequired, check);
    }

    /** The same description, with these parameters required. */
    public DriverDescription withRequired(String... keys) {
        return new DriverDescription(
                kind, type, title, findingCode, List.of(keys), addressed, login, bootMacRequired, check);
    }

    /** The same description, for a driver that logs into a BMC at the node's OOB address. */
    public DriverDescription withBmcLogin() {
        return new DriverDescription(
                kind, type, title, findingCode, requiredParameters, true, true, bootMacRequired, check);
    }

    /** The same description, for a driver that logs in with account and credential at an address it is given. */
    public DriverDescription withLogin() {
        return new DriverDescription(
                kind, type, title, findingCode, requiredParameters, addressed, true, bootMacRequired, check);
    }

    /** The same description, requiring a boot MAC address on every node of the type. */
    public DriverDescription withBootMac() {
        return new DriverDescription(kind, type, title, findingCode, requiredParameters, addressed, login, true, check);
    }

    /** The same description, with {@code newCheck} applied to the parameters. */
    public DriverDescription withCheck(ParameterCheck newCheck) {
        return new DriverDescription(
                kind, type, title, findingCode, requiredParameters, addressed, login, bootMacRequired, newCheck);
    }

    /** The problems {@link #check} finds in the parameters of {@code node}; never null. */
    public List<ParameterProblem> problems(String node, Map<String, String> parameters) {
        List<ParameterProblem> out = check.check(node, parameters == null ? Map.of() : parameters);
        return out == null ? List.of() : out;
    }
}
