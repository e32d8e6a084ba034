package dev.apigw.security.auth.authorizer;

import dev.apigw.security.CustomAuthorizer;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Makes the instance of a custom authorizer named by its class, through the thread context class loader (the web
 * application's, in a container).
 *
 * <p>A {@link ServiceLoader} provider of that class is preferred, which is how a plugin in a named module, whose
 * package need not be open to reflection, is found. Otherwise the class is loaded without running its static
 * initialiser until it is known to implement {@link CustomAuthorizer}, so a mistyped name never runs unrelated code.
 * Every failure is an {@link IllegalArgumentException} that names the class and the fix.
 */
final class AuthorizerLoader {

    private AuthorizerLoader() {
    }

    static CustomAuthorizer load(String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = AuthorizerLoader.class.getClassLoader();
        }
        CustomAuthorizer provided = fromServiceLoader(className, loader);
        return provided != null ? provided : instantiate(className, type(className, loader));
    }

    private static CustomAuthorizer fromServiceLoader(String className, ClassLoader loader) {
        try {
            for (var provider : ServiceLoader.load(CustomAuthorizer.class, loader).stream().toList()) {
                if (provider.type().getName().equals(className)) {
                    return provider.get();
                }
            }
        } catch (ServiceConfigurationError e) {
            // A broken entry for some other plugin must not hide this one: load it by name instead.
            return null;
        }
        return null;
    }

    private static Class<? extends CustomAuthorizer> type(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("class " + className + " was not found (check the name and that its"
                    + " jar is on the application's class path)");
        } catch (LinkageError e) {
            throw new IllegalArgumentException("class " + className + " cannot be loaded ("
                    + e.getClass().getSimpleName() + "; a dependency of it may be missing)");
        }
        if (!CustomAuthorizer.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("class " + className + " does not implement "
                    + CustomAuthorizer.class.getName());
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
            throw new IllegalArgumentException("class " + className + " must be a public, concrete class");
        }
        return type.asSubclass(CustomAuthorizer.class);
    }

    private static CustomAuthorizer instantiate(String className, Class<? extends CustomAuthorizer> type) {
        Constructor<? extends CustomAuthorizer> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("class " + className + " needs a public no-argument constructor");
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("the constructor of " + className + " threw "
                    + e.getCause().getClass().getName());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            throw new IllegalArgumentException("class " + className + " cannot be instantiated ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
