package io.github.natsspring.test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import io.nats.client.Connection;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit extension behind {@link EmbeddedNats}. Without Spring it starts an {@link EmbeddedNatsServer} (or, with
 * {@code clusterSize}, an {@link EmbeddedNatsCluster}) before the test class (shared with its {@code @Nested}
 * classes) and stops it after; in a Spring test it uses the one the application context owns. It injects:
 * <ul>
 * <li>{@link EmbeddedNatsServer} parameters and fields: the broker, or the first node of the cluster;</li>
 * <li>{@link EmbeddedNatsCluster} parameters and fields, when {@code clusterSize} is above 1;</li>
 * <li>{@link EmbeddedNatsUrl}-annotated {@code String} and {@link URI} parameters and fields: the URL of that
 * {@link EmbeddedNatsServer};</li>
 * <li>{@link Connection} parameters: a new jnats connection to the broker (to every node of the cluster),
 * reconnecting every 50 ms, closed after the test (or, on a {@code @BeforeAll} method, after the class).</li>
 * </ul>
 * In a Spring test, parameters Spring resolves (annotated {@code @Autowired}, {@code @Qualifier} or {@code @Value},
 * and test constructor parameters) are left to Spring; the application context holds the
 * {@link EmbeddedNatsServer} as a bean too.
 */
public final class EmbeddedNatsExtension
		implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(EmbeddedNatsExtension.class);

	/** The broker this extension started and stops: closed with the class's store. */
	private static final String SERVER = "server";

	/** The cluster this extension started and stops: closed with the class's store. */
	private static final String CLUSTER = "cluster";

	/** The broker a Spring context owns, remembered for the class but never stopped by it. */
	private static final String CONTEXT_SERVER = "context-server";

	private static final List<String> SPRING_PARAMETER_ANNOTATIONS = List.of(
			"org.springframework.beans.factory.annotation.Autowired",
			"org.springframework.beans.factory.annotation.Qualifier",
			"org.springframework.beans.factory.annotation.Value");

	@Override
	public void beforeAll(ExtensionContext context) {
		if (SpringTestBroker.ownsBroker(context)) {
			return;
		}
		EmbeddedNatsSettings settings = settings(context);
		EmbeddedNatsServer enclosing = context.getStore(NAMESPACE).get(SERVER, EmbeddedNatsServer.class);
		if (enclosing != null && enclosing.getSettings().equals(settings)) {
			// a @Nested class shares its enclosing class's broker unless it asks for another
			return;
		}
		if (settings.isCluster()) {
			EmbeddedNatsCluster cluster = new EmbeddedNatsCluster(settings);
			cluster.start();
			context.getStore(NAMESPACE).put(CLUSTER, cluster);
			context.getStore(NAMESPACE).put(SERVER, cluster.getNode(0));
			return;
		}
		EmbeddedNatsServer server = new EmbeddedNatsServer(settings);
		server.start();
		context.getStore(NAMESPACE).put(SERVER, server);
	}

	/** A cached Spring context outlives the class: leave its broker running for the next class that uses it. */
	@Override
	public void afterAll(ExtensionContext context) {
		if (SpringTestBroker.ownsBroker(context)) {
			ContextServer owned = context.getStore(NAMESPACE).get(CONTEXT_SERVER, ContextServer.class);
			if (owned != null) {
				owned.startStopped();
			}
		}
	}

	@Override
	public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
		if (SpringTestBroker.ownsBroker(context)) {
			// known to the class from now on, so that afterAll finds it however the test reaches it
			server(context);
		}
		List<Field> fields = ReflectionSupport.findFields(testInstance.getClass(), EmbeddedNatsExtension::isInjected,
				HierarchyTraversalMode.TOP_DOWN);
		for (Field field : fields) {
			Object value = valueFor(field, context);
			try {
				field.setAccessible(true);
				field.set(testInstance, value);
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				throw new ExtensionConfigurationException("Cannot inject the embedded NATS broker into field '"
						+ field.getName() + "' of " + field.getDeclaringClass().getName() + ": " + ex.getMessage(), ex);
			}
		}
	}

	private static boolean isInjected(Field field) {
		return !Modifier.isStatic(field.getModifiers()) && (field.getType() == EmbeddedNatsServer.class
				|| field.getType() == EmbeddedNatsCluster.class || field.isAnnotationPresent(EmbeddedNatsUrl.class));
	}

	private Object valueFor(Field field, ExtensionContext context) {
		if (field.isAnnotationPresent(EmbeddedNatsUrl.class)) {
			if (Modifier.isFinal(field.getModifiers())) {
				throw new ExtensionConfigurationException("@EmbeddedNatsUrl field '" + field.getName() + "' of "
						+ field.getDeclaringClass().getName() + " must not be final");
			}
			return url(field.getType(), () -> "field '" + field.getName() + "' of " + field.getDeclaringClass().getName(),
					context, ExtensionConfigurationException::new);
		}
		if (field.getType() == EmbeddedNatsCluster.class) {
			return cluster(context, ExtensionConfigurationException::new);
		}
		return server(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Parameter parameter = parameterContext.getParameter();
		boolean ours = parameter.getType() == EmbeddedNatsServer.class
				|| parameter.getType() == EmbeddedNatsCluster.class || parameter.getType() == Connection.class
				|| parameterContext.isAnnotated(EmbeddedNatsUrl.class);
		return ours && !isLeftToSpring(parameterContext, extensionContext);
	}

	private static boolean isLeftToSpring(ParameterContext parameterContext, ExtensionContext extensionContext) {
		if (!SpringTestBroker.ownsBroker(extensionContext)) {
			return false;
		}
		if (parameterContext.getDeclaringExecutable() instanceof Constructor) {
			return true;
		}
		for (Annotation annotation : parameterContext.getParameter().getAnnotations()) {
			if (SPRING_PARAMETER_ANNOTATIONS.contains(annotation.annotationType().getName())) {
				return true;
			}
		}
		return false;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		try {
			return resolve(parameterContext, extensionContext);
		}
		catch (ExtensionConfigurationException ex) {
			throw new ParameterResolutionException(ex.getMessage(), ex);
		}
	}

	private Object resolve(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Parameter parameter = parameterContext.getParameter();
		if (parameterContext.isAnnotated(EmbeddedNatsUrl.class)) {
			return url(parameter.getType(), () -> describe(parameterContext), extensionContext,
					ParameterResolutionException::new);
		}
		if (parameter.getType() == Connection.class) {
			return connect(parameterContext, extensionContext);
		}
		if (parameter.getType() == EmbeddedNatsCluster.class) {
			return cluster(extensionContext, ParameterResolutionException::new);
		}
		return server(extensionContext);
	}

	private Connection connect(ParameterContext parameterContext, ExtensionContext context) {
		EmbeddedNatsServer server = server(context);
		EmbeddedNatsCluster cluster = knownCluster(context);
		boolean running = (cluster != null) ? cluster.getNodes().stream().anyMatch(EmbeddedNatsServer::isRunning)
				: server.isRunning();
		if (!running) {
			throw new ParameterResolutionException("Cannot connect " + describe(parameterContext)
					+ ": the embedded NATS broker is stopped");
		}
		try {
			Connection connection = (cluster != null) ? cluster.connect() : server.connect();
			context.getStore(NAMESPACE).put(new Object(), connection);
			return connection;
		}
		catch (IOException ex) {
			throw new ParameterResolutionException("Cannot connect " + describe(parameterContext) + " to "
					+ server.getUrl() + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ParameterResolutionException("Interrupted while connecting " + describe(parameterContext), ex);
		}
	}

	private <E extends RuntimeException> Object url(Class<?> type, Supplier<String> target,
			ExtensionContext context, Function<String, E> failure) {
		if (type == String.class) {
			return server(context).getUrl();
		}
		if (type == URI.class) {
			return server(context).getUri();
		}
		throw failure.apply("@EmbeddedNatsUrl goes on a String or a java.net.URI, but " + target.get() + " is of type "
				+ type.getName());
	}

	private static String describe(ParameterContext parameterContext) {
		Parameter parameter = parameterContext.getParameter();
		return "parameter '" + parameter.getName() + "' of " + parameterContext.getDeclaringExecutable();
	}

	private EmbeddedNatsServer server(ExtensionContext context) {
		EmbeddedNatsServer server = context.getStore(NAMESPACE).get(SERVER, EmbeddedNatsServer.class);
		if (server != null) {
			return server;
		}
		ContextServer known = context.getStore(NAMESPACE).get(CONTEXT_SERVER, ContextServer.class);
		if (known != null) {
			return known.server();
		}
		if (SpringTestBroker.ownsBroker(context)) {
			EmbeddedNatsServer owned = SpringTestBroker.server(context);
			classContext(context).getStore(NAMESPACE)
				.put(CONTEXT_SERVER, new ContextServer(owned, SpringTestBroker.cluster(context)));
			return owned;
		}
		throw new ExtensionConfigurationException("No embedded NATS broker for " + context.getDisplayName()
				+ ": EmbeddedNatsExtension starts it before all tests of a class, so annotate the class with"
				+ " @EmbeddedNats (or register the extension with @ExtendWith or a static @RegisterExtension field)");
	}

	private <E extends RuntimeException> EmbeddedNatsCluster cluster(ExtensionContext context,
			Function<String, E> failure) {
		EmbeddedNatsCluster cluster = knownCluster(context);
		if (cluster == null) {
			throw failure.apply("No embedded NATS cluster for " + context.getDisplayName() + ": an EmbeddedNatsCluster"
					+ " is injected when @EmbeddedNats(clusterSize = ...) asks for at least 2 nodes");
		}
		return cluster;
	}

	// the cluster whose first node is the class's server, so that a @Nested single broker hides an enclosing cluster
	private @Nullable EmbeddedNatsCluster knownCluster(ExtensionContext context) {
		EmbeddedNatsServer server = server(context);
		EmbeddedNatsCluster cluster = context.getStore(NAMESPACE).get(CLUSTER, EmbeddedNatsCluster.class);
		if (cluster == null) {
			ContextServer known = context.getStore(NAMESPACE).get(CONTEXT_SERVER, ContextServer.class);
			cluster = (known != null) ? known.cluster() : null;
		}
		return (cluster != null && cluster.getNode(0) == server) ? cluster : null;
	}

	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

	private static EmbeddedNatsSettings settings(ExtensionContext context) {
		for (Optional<ExtensionContext> current = Optional.of(context); current.isPresent()
				&& current.get().getTestClass().isPresent(); current = current.get().getParent()) {
			Optional<EmbeddedNats> annotation = AnnotationSupport.findAnnotation(current.get().getRequiredTestClass(),
					EmbeddedNats.class);
			if (annotation.isPresent()) {
				try {
					return EmbeddedNatsSettings.of(annotation.get());
				}
				catch (IllegalArgumentException ex) {
					throw new ExtensionConfigurationException(ex.getMessage() + " on "
							+ current.get().getRequiredTestClass().getName(), ex);
				}
			}
		}
		return EmbeddedNatsSettings.DEFAULTS;
	}

	/** Not {@link AutoCloseable}: the store must not stop a broker that the application context owns. */
	private record ContextServer(EmbeddedNatsServer server, @Nullable EmbeddedNatsCluster cluster) {

		void startStopped() {
			if (this.cluster != null) {
				if (!this.cluster.isRunning()) {
					this.cluster.start();
				}
			}
			else if (!this.server.isRunning()) {
				this.server.start();
			}
		}
	}
}
