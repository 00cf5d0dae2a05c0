package io.github.natsspring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Embedded broker settings out of range fail startup on their property, with a reason that says what to do,
 * rather than with the broker's own argument check.
 */
class NatsEmbeddedInvalidValuesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class));

	@Test
	void aPortOutOfRangeFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("nats.embedded.port=70000").run((context) -> {
			InvalidConfigurationPropertyValueException invalid = invalidProperty(context);
			assertThat(invalid.getName()).isEqualTo("nats.embedded.port");
			assertThat(invalid.getValue()).isEqualTo(70000);
			assertThat(invalid.getReason()).contains("between 0 and 65535").contains("0 picks a free one");
		});
	}

	@Test
	void aMaxPayloadAboveTheBrokersPendingLimitFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("nats.embedded.port=0", "nats.embedded.max-payload=100MB")
			.run((context) -> {
				InvalidConfigurationPropertyValueException invalid = invalidProperty(context);
				assertThat(invalid.getName()).isEqualTo("nats.embedded.max-payload");
				assertThat(invalid.getValue()).isEqualTo(DataSize.ofMegabytes(100));
				assertThat(invalid.getReason()).contains("at most 64MB");
			});
	}

	@Test
	void aMaxPayloadOfNothingFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("nats.embedded.port=0", "nats.embedded.max-payload=0")
			.run((context) -> assertThat(invalidProperty(context).getName()).isEqualTo("nats.embedded.max-payload"));
	}

	@Test
	void negativeIoThreadsFailNamingTheProperty() {
		this.contextRunner.withPropertyValues("nats.embedded.port=0", "nats.embedded.io-threads=-1")
			.run((context) -> {
				InvalidConfigurationPropertyValueException invalid = invalidProperty(context);
				assertThat(invalid.getName()).isEqualTo("nats.embedded.io-threads");
				assertThat(invalid.getReason()).contains("leave it unset");
			});
	}

	@Test
	void aBlankServerNameFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("nats.embedded.port=0", "nats.embedded.server-name= ")
			.run((context) -> assertThat(invalidProperty(context).getName()).isEqualTo("nats.embedded.server-name"));
	}

	private static InvalidConfigurationPropertyValueException invalidProperty(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		return StartupFailures.invalidProperty(context.getStartupFailure());
	}
}
