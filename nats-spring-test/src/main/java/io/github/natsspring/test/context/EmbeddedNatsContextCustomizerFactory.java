package io.github.natsspring.test.context;

import java.util.List;

import io.github.natsspring.test.EmbeddedNats;
import io.github.natsspring.test.EmbeddedNatsSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives the application context of every test class annotated with {@link EmbeddedNats} a broker of its own and
 * connection details pointing at it. Registered in {@code META-INF/spring.factories}.
 */
public class EmbeddedNatsContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		EmbeddedNats annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, EmbeddedNats.class);
		if (annotation == null) {
			return null;
		}
		try {
			return new EmbeddedNatsContextCustomizer(EmbeddedNatsSettings.of(annotation));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(ex.getMessage() + " on " + testClass.getName(), ex);
		}
	}
}
