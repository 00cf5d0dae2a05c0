package io.github.natsspring.autoconfigure;

import io.nats.client.Options;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime hints of what jnats reaches by name, registered through {@code META-INF/spring/aot.factories}.
 */
class JnatsRuntimeHintsTests {

	private final RuntimeHints hints = registeredHints();

	@Test
	void jnatsHintsAreRegisteredForAot() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.hasAtLeastOneElementOfType(JnatsRuntimeHints.class);
	}

	@Test
	void defaultDataPortCanBeInstantiatedByName() {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of(Options.DEFAULT_DATA_PORT_TYPE))
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)).accepts(this.hints);
	}

	@Test
	void dataPortWithWriteTimeoutCanBeInstantiatedByName() {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of("io.nats.client.impl.SocketDataPortWithWriteTimeout"))
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)).accepts(this.hints);
	}

	@Test
	void inJvmDataPortOfTheEmbeddedBrokerCanBeInstantiatedByName() {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of("io.nats.client.impl.InJvmDataPort"))
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)).accepts(this.hints);
	}

	@Test
	void hintedDataPortsExistOnTheClassPath() {
		this.hints.reflection()
			.typeHints()
			.filter((hint) -> hint.getType().getName().startsWith("io.nats."))
			.forEach((hint) -> assertThat(
					ClassUtils.isPresent(hint.getType().getName(), getClass().getClassLoader()))
				.as(hint.getType().getName())
				.isTrue());
	}

	@Test
	void clientVersionResourceIsIncluded() {
		assertThat(RuntimeHintsPredicates.resource().forResource("io/nats/jnats/version.properties"))
			.accepts(this.hints);
		assertThat(getClass().getClassLoader().getResource("io/nats/jnats/version.properties")).isNotNull();
	}

	private static RuntimeHints registeredHints() {
		RuntimeHints hints = new RuntimeHints();
		AotServices.factories()
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, JnatsRuntimeHintsTests.class.getClassLoader()));
		return hints;
	}
}
