package io.slipway.engine.rules;

import java.util.Map;

/**
 * Defines generated rule classes from memory (class-file path → bytes), child first: a rule set
 * compiled from edited files can generate the same class names as the precompiled bundled rules on
 * the class path, and must see its own classes, never those. Everything else comes from the parent.
 */
final class GeneratedClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    GeneratedClassLoader(Map<String, byte[]> classes) {
        super(GeneratedClassLoader.class.getClassLoader());
        this.classes = Map.copyOf(classes);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        byte[] bytes = classes.get(name.replace('.', '/') + ".class");
        if (bytes == null) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }
}
