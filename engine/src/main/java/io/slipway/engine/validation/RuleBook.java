package io.slipway.engine.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.kie.internal.conf.ConstraintJittingThresholdOption;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles a directory of {@code .drl} files into a {@link RuleSet}. Compilation is blocking (about
 * 1 s interpreted, a few seconds executable, cold): run it off the event loop. Errors are reported as {@code file:line:col: text} with paths
 * relative to the directory; nothing is half-loaded.
 */
public final class RuleBook {
  /** Resource folder of the rule set bundled in the jar (the copy of the repository's rules/). */
  public static final String BUNDLED = "slipway-rules";
  private static final AtomicLong BUILDS = new AtomicLong();

  static {
    // Drools 10.2 jitted MVEL constraints can throw NoSuchMethodError; interpreting avoids it.
    if (System.getProperty("drools.jittingThreshold") == null) {
      System.setProperty("drools.jittingThreshold", "-1");
    }
  }

  private RuleBook() {}

  /** How rules are compiled: trading build time against evaluation speed. */
  public enum Mode {
    /** Interpreted constraints: builds in ~1 s cold; right for small designs and one-shot commands. */
    INTERPRETED,
    /** Constraints compiled to lambdas: builds in a few seconds; several times faster on large designs. */
    EXECUTABLE
  }

  /** Compiles every {@code *.drl} below {@code dir} (recursively) for the executable model. */
  public static RuleSet compile(Path dir) {
    return compile(dir, Mode.EXECUTABLE);
  }

  /** Compiles every {@code *.drl} below {@code dir} (recursively). */
  public static RuleSet compile(Path dir, Mode mode) {
    if (!Files.isDirectory(dir)) {
      throw new RuleCompilationException("rules directory " + dir + " does not exist", List.of());
    }
    List<Path> files = list(dir);
    if (files.isEmpty()) {
      throw new RuleCompilationException("no .drl files in " + dir, List.of());
    }
    KieServices ks = KieServices.Factory.get();
    ReleaseId rid = ks.newReleaseId("io.slipway.rules", "rules", "1.0." + BUILDS.incrementAndGet());
    KieFileSystem kfs = ks.newKieFileSystem();
    kfs.generateAndWritePomXML(rid);
    for (Path f : files) {
      kfs.write("src/main/resources/" + slash(f), read(dir.resolve(f)));
    }
    // The classic compiler reports precise line numbers, so it judges the files first; the
    // executable model (constraints compiled to lambdas, no interpreted MVEL) then builds what runs.
    KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      throw new RuleCompilationException("rules in " + dir + " do not compile", describe(dir, errors));
    }
    if (mode == Mode.EXECUTABLE) {
      ks.getRepository().removeKieModule(rid);
      builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
      errors = builder.getResults().getMessages(Message.Level.ERROR);
      if (!errors.isEmpty()) {
        throw new RuleCompilationException("rules in " + dir + " do not compile", describe(dir, errors));
      }
    }
    KieContainer container = ks.newKieContainer(rid);
    KieBaseConfiguration conf = ks.newKieBaseConfiguration();
    conf.setOption(ConstraintJittingThresholdOption.get(-1));
    KieBase base = container.newKieBase(conf);
    ks.getRepository().removeKieModule(rid); // the container keeps what it needs; avoid growth on reloads
    // Queries are listed among a package's rules; only real rules are counted.
    int rules = base.getKiePackages().stream().mapToInt(p -> p.getRules().size() - p.getQueries().size()).sum();
    return new RuleSet(dir.toString(), files, rules, base);
  }

  /** Compiles the rule set bundled on the class path ({@code slipway-rules/<sub>}). */
  public static RuleSet bundled(String sub) {
    return bundled(sub, Mode.EXECUTABLE);
  }

  /** Compiles the bundled rule set ({@code slipway-rules/<sub>}) in the given mode. */
  public static RuleSet bundled(String sub, Mode mode) {
    var url = RuleBook.class.getClassLoader().getResource(BUNDLED + "/" + sub);
    if (url == null) {
      throw new RuleCompilationException("no bundled rules for " + sub, List.of());
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          fs = FileSystems.newFileSystem(uri, Map.of());
        }
        RuleSet set = compile(fs.provider().getPath(uri), mode);
        return new RuleSet("bundled:" + sub, set.files(), set.ruleCount(), set.kieBase());
      }
      RuleSet set = compile(Path.of(uri), mode);
      return new RuleSet("bundled:" + sub, set.files(), set.ruleCount(), set.kieBase());
    } catch (URISyntaxException | IOException e) {
      throw new RuleCompilationException("cannot read bundled rules: " + e.getMessage(), List.of());
    }
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

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".drl") && Files.isRegularFile(p))
          .map(dir::relativize).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new RuleCompilationException("cannot read " + p + ": " + e.getMessage(), List.of());
    }
  }

  private static String slash(Path p) {
    return p.toString().replace('\\', '/');
  }
}
