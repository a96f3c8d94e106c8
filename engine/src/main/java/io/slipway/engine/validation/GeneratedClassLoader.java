package io.slipway.engine.validation;

import java.util.Map;

/** Defines classes from generated class files held in memory (path → bytes); parent first. */
final class GeneratedClassLoader extends ClassLoader {
  private final Map<String, byte[]> classes;

  GeneratedClassLoader(Map<String, byte[]> classes) {
    super(GeneratedClassLoader.class.getClassLoader());
    this.classes = Map.copyOf(classes);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name.replace('.', '/') + ".class");
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }
}
