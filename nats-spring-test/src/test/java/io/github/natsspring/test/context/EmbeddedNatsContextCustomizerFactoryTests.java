package io.github.natsspring.test.context;

import java.util.List;

import io.github.natsspring.test.EmbeddedNats;
import io.github.natsspring.test.EmbeddedNatsSettings;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Which test classes get a broker in their context, with which settings.
 */
class EmbeddedNatsContextCustomizerFactoryTests {

	private final EmbeddedNatsContextCustomizerFactory factory = new EmbeddedNatsContextCustomizerFactory();

	@Test
	void theFactoryIsRegisteredForTheSpringTestContextFramework() {
		assertThat(SpringFactoriesLoader.loadFactories(ContextCustomizerFactory.class, getClass().getClassLoader()))
			.hasAtLeastOneElementOfType(EmbeddedNatsContextCustomizerFactory.class);
	}

	@Test
	void aClassWithoutTheAnnotationGetsNoCustomizer() {
		assertThat(this.factory.createContextCustomizer(NotAnnotated.class, List.of())).isNull();
	}

	@Test
	void anAnnotatedClassGetsACustomizerWithTheAnnotationsSettings() {
		ContextCustomizer customizer = this.factory.createContextCustomizer(WithUser.class, List.of());
		assertThat(customizer).isInstanceOfSatisfying(EmbeddedNatsContextCustomizer.class,
				(embedded) -> assertThat(embedded.settings())
					.isEqualTo(new EmbeddedNatsSettings(null, "app", "pw", "test-broker", 2048)));
	}

	@Test
	void aSubclassAndANestedClassInheritTheAnnotation() {
		ContextCustomizer parent = this.factory.createContextCustomizer(WithUser.class, List.of());
		assertThat(this.factory.createContextCustomizer(WithUserSubclass.class, List.of())).isEqualTo(parent);
		assertThat(this.factory.createContextCustomizer(WithUser.Inner.class, List.of())).isEqualTo(parent);
	}

	@Test
	void annotationAttributesThatDoNotGoTogetherFailNamingTheProblemAndTheClass() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.factory.createContextCustomizer(TokenAndUser.class, List.of()))
			.withMessage("@EmbeddedNats takes a token or a username and password, not both (token and username are"
					+ " set) on " + TokenAndUser.class.getName());
	}

	static class NotAnnotated {

	}

	@EmbeddedNats(username = "app", password = "pw", serverName = "test-broker", maxPayload = 2048)
	static class WithUser {

		@Nested
		class Inner {

		}
	}

	static class WithUserSubclass extends WithUser {

	}

	@EmbeddedNats(token = "t", username = "u", password = "p")
	static class TokenAndUser {

	}
}
