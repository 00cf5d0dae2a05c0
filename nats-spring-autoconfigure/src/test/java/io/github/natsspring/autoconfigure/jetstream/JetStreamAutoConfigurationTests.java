package io.github.natsspring.autoconfigure.jetstream;

import java.time.Duration;

import io.github.natsspring.annotation.JetStreamListenerAnnotationBeanPostProcessor;
import io.github.natsspring.autoconfigure.NatsHealthContributorAutoConfiguration;
import io.github.natsspring.core.NatsMessageConverter;
import io.github.natsspring.core.PlainNatsMessageConverter;
import io.github.natsspring.jetstream.JetStreamAdmin;
import io.github.natsspring.jetstream.JetStreamNotAvailableException;
import io.github.natsspring.jetstream.JetStreamOperations;
import io.github.natsspring.jetstream.JetStreamTemplate;
import io.github.natsspring.jetstream.KeyValueTemplate;
import io.github.natsspring.jetstream.KeyValueTemplates;
import io.github.natsspring.jetstream.listener.DeferredJetStreamStart;
import io.github.natsspring.jetstream.listener.JetStreamListenerContainerFactory;
import io.github.natsspring.jetstream.listener.JetStreamListenerEndpoint;
import io.github.natsspring.jetstream.listener.JetStreamListenerEndpointRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.ServerInfo;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link JetStreamAutoConfiguration}: which beans exist when, and what the properties set.
 */
class JetStreamAutoConfigurationTests {

	private static final String INFO = "INFO {\"server_id\":\"NTEST\",\"version\":\"2.9.10\",\"proto\":1,"
			+ "\"headers\":true,\"max_payload\":1048576%s}";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JetStreamAutoConfiguration.class))
		.withBean(NatsMessageConverter.class, PlainNatsMessageConverter::new);

	@Test
	void noConnectionMeansNoJetStream() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(JetStreamTemplate.class)
			.doesNotHaveBean(JetStreamAdmin.class)
			.doesNotHaveBean(JetStreamListenerAnnotationBeanPostProcessor.class));
	}

	@Test
	void connectionBringsTheJetStreamBeans() {
		this.contextRunner.withBean(Connection.class, () -> connection(true)).run((context) -> assertThat(context)
			.hasSingleBean(JetStreamOptions.class)
			.hasSingleBean(JetStreamTemplate.class)
			.hasSingleBean(JetStreamAdmin.class)
			.hasSingleBean(KeyValueTemplates.class)
			.hasSingleBean(JetStreamListenerContainerFactory.class)
			.hasSingleBean(JetStreamListenerEndpointRegistry.class)
			.hasSingleBean(DeferredJetStreamStart.class)
			.hasSingleBean(JetStreamListenerAnnotationBeanPostProcessor.class)
			.doesNotHaveBean(KeyValueTemplate.class));
	}

	@Test
	void disabledJetStreamBringsNoBeans() {
		this.contextRunner.withBean(Connection.class, () -> connection(true))
			.withPropertyValues("nats.jetstream.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(JetStreamOptions.class)
				.doesNotHaveBean(JetStreamTemplate.class)
				.doesNotHaveBean(JetStreamAdmin.class));
	}

	@Test
	void contextsAreCreatedOnFirstUse() {
		Connection connection = connection(true);
		this.contextRunner.withBean(Connection.class, () -> connection).run((context) -> {
			assertThat(context.getBeanFactory().getSingleton("jetStream")).isNull();
			assertThat(context.getBeanFactory().getSingleton("jetStreamManagement")).isNull();
		});
	}

	@Test
	void contextsComeFromTheConnectionWithTheOptions() throws Exception {
		Connection connection = connection(true);
		JetStream jetStream = mock(JetStream.class);
		JetStreamManagement management = mock(JetStreamManagement.class);
		given(connection.jetStream(any(JetStreamOptions.class))).willReturn(jetStream);
		given(connection.jetStreamManagement(any(JetStreamOptions.class))).willReturn(management);
		this.contextRunner.withBean(Connection.class, () -> connection)
			.run((context) -> assertThat(context).getBean(JetStream.class).isSameAs(jetStream))
			.run((context) -> assertThat(context).getBean(JetStreamManagement.class).isSameAs(management));
	}

	@Test
	void prefixAndRequestTimeoutSetTheOptions() {
		this.contextRunner.withBean(Connection.class, () -> connection(true))
			.withPropertyValues("nats.jetstream.prefix=JS.orders", "nats.jetstream.request-timeout=3s")
			.run((context) -> {
				JetStreamOptions options = context.getBean(JetStreamOptions.class);
				assertThat(options.getPrefix()).isEqualTo("JS.orders.");
				assertThat(options.getRequestTimeout()).isEqualTo(Duration.ofSeconds(3));
			});
	}

	@Test
	void domainSetsTheApiPrefix() {
		this.contextRunner.withBean(Connection.class, () -> connection(true))
			.withPropertyValues("nats.jetstream.domain=hub")
			.run((context) -> assertThat(context.getBean(JetStreamOptions.class).getPrefix())
				.isEqualTo("$JS.hub.API."));
	}

	@Test
	void userBeansBackOff() {
		JetStreamOptions options = JetStreamOptions.builder().build();
		JetStreamOperations operations = mock(JetStreamOperations.class);
		this.contextRunner.withBean(Connection.class, () -> connection(true))
			.withBean(JetStreamOptions.class, () -> options)
			.withBean(JetStreamOperations.class, () -> operations)
			.run((context) -> assertThat(context).doesNotHaveBean(JetStreamTemplate.class)
				.getBean(JetStreamOptions.class)
				.isSameAs(options));
	}

	@Test
	void serverWithoutJetStreamFailsTheContextsWhenUsed() {
		this.contextRunner.withBean(Connection.class, () -> connection(false)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThatExceptionOfType(Exception.class).isThrownBy(() -> context.getBean(JetStream.class))
				.havingRootCause()
				.isInstanceOf(JetStreamNotAvailableException.class)
				.withMessageContaining("does not have JetStream enabled");
		});
	}

	@Test
	void connectionThatReachedNoServerYetFailsTheContextsWhenUsed() {
		Connection connection = mock(Connection.class);
		given(connection.getStatus()).willReturn(Connection.Status.DISCONNECTED);
		this.contextRunner.withBean(Connection.class, () -> connection)
			.run((context) -> assertThatExceptionOfType(Exception.class)
				.isThrownBy(() -> context.getBean(JetStreamManagement.class))
				.havingRootCause()
				.isInstanceOf(JetStreamNotAvailableException.class)
				.withMessageContaining("has not reached a server"));
	}

	@Test
	void singleDeclaredBucketGetsAKeyValueTemplate() {
		this.contextRunner.withBean(Connection.class, () -> connection(true))
			.withBean(JetStreamAdmin.class, () -> mock(JetStreamAdmin.class))
			.withBean(KeyValueConfiguration.class, () -> KeyValueConfiguration.builder().name("profiles").build())
			.run((context) -> assertThat(context).getBean(KeyValueTemplate.class)
				.extracting(KeyValueTemplate::getBucketName)
				.isEqualTo("profiles"));
	}

	@Test
	void severalDeclaredBucketsGetTemplatesThroughKeyValueTemplates() {
		this.contextRunner.withBean(Connection.class, () -> connection(true))
			.withBean(JetStreamAdmin.class, () -> mock(JetStreamAdmin.class))
			.withBean("a", KeyValueConfiguration.class, () -> KeyValueConfiguration.builder().name("a").build())
			.withBean("b", KeyValueConfiguration.class, () -> KeyValueConfiguration.builder().name("b").build())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(KeyValueTemplate.class);
				KeyValueTemplates templates = context.getBean(KeyValueTemplates.class);
				assertThat(templates.forBucket("b").getBucketName()).isEqualTo("b");
				assertThat(templates.forBucket("b")).isSameAs(templates.forBucket("b"));
			});
	}

	@Test
	void listenerConcurrencyPropertyIsTheDefaultOfEndpointsWithoutOne() {
		this.contextRunner.withBean(Connection.class, () -> connection(true))
			.withPropertyValues("nats.jetstream.listener.concurrency=4")
			.run((context) -> {
				JetStreamListenerContainerFactory factory = context.getBean(JetStreamListenerContainerFactory.class);
				assertThat(factory.createListenerContainer(JetStreamListenerEndpoint.builder("x", "S").build(),
						(message) -> {
						})
					.getConcurrency()).isEqualTo(4);
				assertThat(factory.createListenerContainer(
						JetStreamListenerEndpoint.builder("y", "S").concurrency(2).build(), (message) -> {
						})
					.getConcurrency()).isEqualTo(2);
			});
	}

	@Test
	void fetchExpiryBelowASecondFailsStartup() {
		this.contextRunner.withBean(Connection.class, () -> connection(true))
			.withPropertyValues("nats.jetstream.listener.fetch-expiry=500ms")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("fetchExpiry must be at least 1 second"));
	}

	@Test
	void healthSaysWhenTheServerHasNoJetStream() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(NatsHealthContributorAutoConfiguration.class))
			.withBean(Connection.class, () -> connection(false))
			.run((context) -> assertThat(context.getBean("natsHealthIndicator", HealthIndicator.class)
				.health()
				.getDetails()).containsEntry("jetStream", java.util.Map.of("enabled", false)));
	}

	private static Connection connection(boolean jetStream) {
		Connection connection = mock(Connection.class);
		given(connection.getStatus()).willReturn(Connection.Status.CONNECTED);
		given(connection.getConnectedUrl()).willReturn("nats://127.0.0.1:4222");
		given(connection.getServerInfo())
			.willReturn(new ServerInfo(String.format(INFO, jetStream ? ",\"jetstream\":true" : "")));
		return connection;
	}
}
