package io.slipway.engine.rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Runs the Drools compilers over {@link RuleSources}. Blocking and CPU-heavy (seconds, cold): the
 * callers keep it off the hot path by caching what {@link #executable} returns. Thread-safe.
 */
final class ModelCompiler {
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String GROUP = "io.slipway.rules";
    private static final String MODEL_FILE = "META-INF/kie/" + GROUP + "/rules/drools-model";

    private ModelCompiler() {}

    /**
     * The generated executable model: the names of its {@code Model} classes and every generated class
     * file (path → bytes). Throws {@link RuleCompilationException} with {@code file:line:col} lines.
     */
    record Output(List<String> models, Map<String, byte[]> classes) {}

    static Output executable(RuleSources src) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId rid = releaseId(ks);
        KieBuilder builder = ks.newKieBuilder(fileSystem(ks, rid, src)).buildAll(ExecutableModelProject.class);
        ks.getRepository().removeKieModule(rid);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw failure(src, precise(ks, src, errors));
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        Map<String, byte[]> classes = new TreeMap<>();
        for (String name : module.getFileNames()) {
            // The project model only serves KieContainer lookups; the rule base is built from the models.
            if (name.endsWith(".class") && !name.startsWith("org/drools/project/model/")) {
                classes.put(name, module.getBytes(name));
            }
        }
        List<String> models = new String(module.getBytes(MODEL_FILE), StandardCharsets.UTF_8)
                .lines()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.contains(":"))
                .toList();
        return new Output(models, classes);
    }

    /** The classic (interpreted) build: no code generation, the most precise error positions. */
    static KieBase interpreted(RuleSources src) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId rid = releaseId(ks);
        KieBuilder builder = ks.newKieBuilder(fileSystem(ks, rid, src)).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            ks.getRepository().removeKieModule(rid);
            throw failure(src, describe(src.dir(), errors));
        }
        KieBase base = ks.newKieContainer(rid).newKieBase(ModelLoader.configuration());
        ks.getRepository().removeKieModule(rid); // the container keeps what it needs; avoid growth on reloads
        return base;
    }

    /** The classic compiler's positions when it finds the problem too, else what the model build said. */
    private static List<String> precise(KieServices ks, RuleSources src, List<Message> modelErrors) {
        ReleaseId rid = releaseId(ks);
        List<Message> classic = ks.newKieBuilder(fileSystem(ks, rid, src))
                .buildAll()
                .getResults()
                .getMessages(Message.Level.ERROR);
        ks.getRepository().removeKieModule(rid);
        return describe(src.dir(), classic.isEmpty() ? modelErrors : classic);
    }

    private static RuleCompilationException failure(RuleSources src, List<String> lines) {
        return new RuleCompilationException("rules in " + src.dir() + " do not compile", lines);
    }

    private static ReleaseId releaseId(KieServices ks) {
        return ks.newReleaseId(GROUP, "rules", "1.0." + BUILDS.incrementAndGet());
    }

    private static KieFileSystem fileSystem(KieServices ks, ReleaseId rid, RuleSources src) {
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(rid);
        src.texts().forEach((f, text) -> kfs.write("src/main/resources/" + RuleSources.slash(f), text));
        return kfs;
    }

    private static List<String> describe(Path dir, List<Message> errors) {
        List<String> out = new ArrayList<>();
        for (Message m : errors) {
            String path = m.getPath() == null ? "?" : m.getPath().replaceFirst("^src/main/resources/", "");
            String text = m.getText().replaceAll("\\s+", " ").trim();
            if (text.startsWith("Parser returned a null Package")) {
                continue; // a consequence of the syntax error already listed
            }
            String col = m.getColumn() >= 0 ? String.valueOf(m.getColumn() + 1) : "1";
            out.add(dir.resolve(path) + ":" + Math.max(m.getLine(), 1) + ":" + col + ": " + text);
        }
        return out;
    }
}
