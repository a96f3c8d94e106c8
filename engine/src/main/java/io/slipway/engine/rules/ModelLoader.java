package io.slipway.engine.rules;

import java.util.ArrayList;
import java.util.List;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.internal.conf.ConstraintJittingThresholdOption;

/**
 * Builds a rule base straight from generated executable-model classes: no DRL parsing, no Java
 * compiler, no {@code KieContainer}. Tens of milliseconds once the classes are loadable. Thread-safe.
 */
final class ModelLoader {
    private ModelLoader() {}

    /** Instantiates the named {@code Model} classes through {@code loader} and builds their rule base. */
    static KieBase kieBase(ClassLoader loader, List<String> modelClasses) throws ReflectiveOperationException {
        List<Model> models = new ArrayList<>();
        for (String name : modelClasses) {
            models.add(
                    (Model) Class.forName(name, true, loader).getConstructor().newInstance());
        }
        if (models.isEmpty()) {
            throw new ClassNotFoundException("no executable-model classes listed");
        }
        return KieBaseBuilder.createKieBaseFromModel(models, configuration());
    }

    /**
     * The rule-base configuration every rule set gets. Drools 10.2's jitted MVEL constraints can throw
     * {@code NoSuchMethodError}, so constraints stay interpreted; set here, never as a JVM-wide property.
     */
    static KieBaseConfiguration configuration() {
        KieBaseConfiguration conf = KieServices.Factory.get().newKieBaseConfiguration();
        conf.setOption(ConstraintJittingThresholdOption.get(-1));
        return conf;
    }

    /** How many real rules a base holds (queries are listed among a package's rules). */
    static int ruleCount(KieBase base) {
        return base.getKiePackages().stream()
                .mapToInt(p -> p.getRules().size() - p.getQueries().size())
                .sum();
    }
}
