package io.github.natsspring.classpath;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The test class path with some libraries left out, for code that must work when an application does not have
 * them. A {@code FilteredClassLoader} cannot show that: it hides classes asked of it by name, while a class it
 * lets through resolves its superclass in the loader that defined it, where the hidden library is. Here the
 * left-out jars are absent from the loader altogether.
 */
public final class ClasspathWithout {

	private final List<String> leftOut;

	private ClasspathWithout(List<String> leftOut) {
		this.leftOut = leftOut;
	}

	/**
	 * The test class path without the entries whose path contains any of the fragments.
	 * @param pathFragments e.g. {@code /org/testcontainers/} for the jars of that group in the local repository
	 * @return the class path
	 */
	public static ClasspathWithout entriesContaining(String... pathFragments) {
		return new ClasspathWithout(List.of(pathFragments));
	}

	/**
	 * Instantiates the probe in a class loader of this class path, sharing only the JDK with the caller, and
	 * returns what it gives.
	 * @param <T> what the probe gives: a JDK type, the only kind both loaders share
	 * @param probe a public class with a public no-argument constructor
	 * @return what the probe gives
	 * @throws Exception when the probe cannot be created or fails
	 */
	@SuppressWarnings("unchecked")
	public <T> T run(Class<? extends Supplier<T>> probe) throws Exception {
		try (URLClassLoader loader = new URLClassLoader(urls(), ClassLoader.getPlatformClassLoader())) {
			Thread thread = Thread.currentThread();
			ClassLoader previous = thread.getContextClassLoader();
			thread.setContextClassLoader(loader);
			try {
				Object instance = loader.loadClass(probe.getName()).getConstructor().newInstance();
				return ((Supplier<T>) instance).get();
			}
			finally {
				thread.setContextClassLoader(previous);
			}
		}
	}

	/**
	 * Whether a class is visible on this class path.
	 * @param className the class's name
	 * @return whether it can be loaded
	 * @throws Exception when the class path cannot be read
	 */
	public boolean has(String className) throws Exception {
		try (URLClassLoader loader = new URLClassLoader(urls(), ClassLoader.getPlatformClassLoader())) {
			loader.loadClass(className);
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	private URL[] urls() {
		// surefire's forked JVM starts from a manifest-only jar and sets java.class.path to the real test class path
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> this.leftOut.stream().noneMatch(entry::contains))
			.map(ClasspathWithout::url)
			.toArray(URL[]::new);
	}

	private static URL url(String entry) {
		try {
			return new File(entry).toURI().toURL();
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException("Class path entry " + entry + " is no valid URL", ex);
		}
	}
}
