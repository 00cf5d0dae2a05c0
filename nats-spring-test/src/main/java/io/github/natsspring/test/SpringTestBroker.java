package io.github.natsspring.test;

import java.util.Arrays;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Whether a test's broker belongs to its Spring application context, and that broker. It does when Spring's
 * extension runs the class, {@code @EmbeddedNats} is on it (so the context customizer gave the context a broker)
 * and the auto-configuration is there to connect to it. Spring is touched only when it is on the class path.
 */
final class SpringTestBroker {

	private static final String SPRING_EXTENSION = "org.springframework.test.context.junit.jupiter.SpringExtension";

	private static final boolean SPRING_PRESENT = isPresent(SPRING_EXTENSION)
			&& isPresent("io.github.natsspring.autoconfigure.NatsConnectionDetails");

	private SpringTestBroker() {
	}

	static boolean ownsBroker(ExtensionContext context) {
		if (!SPRING_PRESENT) {
			return false;
		}
		boolean annotated = false;
		boolean spring = false;
		for (Optional<ExtensionContext> current = Optional.of(context); current.isPresent()
				&& current.get().getTestClass().isPresent(); current = current.get().getParent()) {
			Class<?> testClass = current.get().getRequiredTestClass();
			annotated = annotated || AnnotationSupport.isAnnotated(testClass, EmbeddedNats.class);
			spring = spring || AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class)
				.stream()
				.flatMap((extendWith) -> Arrays.stream(extendWith.value()))
				.anyMatch((extension) -> extension.getName().equals(SPRING_EXTENSION));
		}
		return annotated && spring;
	}

	static EmbeddedNatsServer server(ExtensionContext context) {
		return ContextLookup.server(context);
	}

	static @Nullable EmbeddedNatsCluster cluster(ExtensionContext context) {
		return ContextLookup.cluster(context);
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, SpringTestBroker.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/** Kept apart so that Spring's classes load only when Spring is present. */
	private static final class ContextLookup {

		static EmbeddedNatsServer server(ExtensionContext context) {
			ApplicationContext applicationContext = SpringExtension.getApplicationContext(context);
			EmbeddedNatsServer server = applicationContext.getBeanProvider(EmbeddedNatsServer.class).getIfAvailable();
			if (server == null) {
				throw new ExtensionConfigurationException("The application context of " + context.getDisplayName()
						+ " has no EmbeddedNatsServer bean: is nats-spring-test's META-INF/spring.factories on the"
						+ " test class path?");
			}
			return server;
		}

		static @Nullable EmbeddedNatsCluster cluster(ExtensionContext context) {
			return SpringExtension.getApplicationContext(context)
				.getBeanProvider(EmbeddedNatsCluster.class)
				.getIfAvailable();
		}
	}
}
