package io.github.natsspring.autoconfigure;

import org.jspecify.annotations.Nullable;

import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts the embedded broker when the application names no server: neither {@code nats.servers} nor a
 * {@link NatsConnectionDetails} bean of its own. The connection then goes to the port the broker really
 * bound, which is also published as {@code local.nats.port}, in this context and its ancestors, or with
 * {@code nats.embedded.transport=in-jvm} to its in-JVM listener, without a socket. The broker's options come from
 * {@code nats.embedded.*}, laid over the nats-server configuration file {@code nats.embedded.config-file} names.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(NatsBroker.class)
@ConditionalOnBooleanProperty(name = "nats.embedded.enabled", matchIfMissing = true)
@Conditional(NatsEmbeddedBrokerConfiguration.NoServersConfiguredCondition.class)
@ConditionalOnMissingBean(NatsConnectionDetails.class)
class NatsEmbeddedBrokerConfiguration {

	@Bean(initMethod = "start", destroyMethod = "stop")
	@ConditionalOnMissingBean
	NatsBroker natsBroker(NatsProperties properties, ObjectProvider<NatsBrokerOptionsCustomizer> customizers,
			ObjectProvider<SslBundles> sslBundles, Environment environment) {
		NatsProperties.Embedded embedded = properties.getEmbedded();
		Binder binder = Binder.get(environment);
		NatsBrokerOptions.Builder options = new NatsBrokerOptionsFactory(embedded,
				(name) -> binder.bind(name, Bindable.of(String.class)).isBound())
			.createBuilder(embeddedBundle(embedded, sslBundles.getIfAvailable()),
					clusterBundle(embedded, sslBundles));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(options));
		return new NatsBroker(options.build());
	}

	@Bean
	NatsConnectionDetails embeddedNatsConnectionDetails(NatsBroker broker, NatsProperties properties,
			ApplicationContext context, ObjectProvider<SslBundles> sslBundles) {
		// no port without a TCP listener
		if (broker.getPort() != 0) {
			LocalNatsPort.publish(context, broker.getPort());
		}
		if (broker.getOptions().monitoring() != null) {
			LocalNatsPort.publish(context, LocalNatsPort.MONITORING_PORT, broker.getMonitoringPort());
		}
		if (broker.getOptions().cluster() != null) {
			LocalNatsPort.publish(context, LocalNatsPort.CLUSTER_PORT, broker.getClusterPort());
		}
		return new EmbeddedNatsConnectionDetails(broker, properties,
				connectionBundle(broker, properties, sslBundles.getIfAvailable()));
	}

	// the embedded bundle serves and trusts; TLS from the configuration file is trusted as the file allows
	private static @Nullable SslBundle connectionBundle(NatsBroker broker, NatsProperties properties,
			@Nullable SslBundles sslBundles) {
		NatsProperties.Embedded embedded = properties.getEmbedded();
		SslBundle embeddedBundle = embeddedBundle(embedded, sslBundles);
		Resource configFile = embedded.getConfigFile();
		if (embeddedBundle != null || configFile == null) {
			return embeddedBundle;
		}
		BrokerTls tls = broker.getOptions().tls();
		if (tls == null) {
			return null;
		}
		SslBundle clientBundle = new SslBundleProperty("nats.ssl.bundle", properties.getSsl().getBundle())
			.resolve(sslBundles);
		return NatsEmbeddedConfigFileSsl.clientBundle(configFile, tls, clientBundle);
	}

	// looked up only for a cluster node: a bundle named while the cluster is off is not needed
	private static @Nullable SslBundle clusterBundle(NatsProperties.Embedded embedded,
			ObjectProvider<SslBundles> sslBundles) {
		if (!NatsBrokerClusterFactory.isActive(embedded.getCluster())) {
			return null;
		}
		return new SslBundleProperty("nats.embedded.cluster.ssl.bundle", embedded.getCluster().getSsl().getBundle())
			.resolve(sslBundles.getIfAvailable());
	}

	private static @Nullable SslBundle embeddedBundle(NatsProperties.Embedded embedded,
			@Nullable SslBundles sslBundles) {
		return new SslBundleProperty("nats.embedded.ssl.bundle", embedded.getSsl().getBundle()).resolve(sslBundles);
	}

	/**
	 * Matches when {@code nats.servers} is empty, whichever form (comma list or indexed) it would be set in.
	 */
	static class NoServersConfiguredCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			boolean serversSet = Binder.get(context.getEnvironment())
				.bind("nats.servers", Bindable.listOf(String.class))
				.map((servers) -> !servers.isEmpty())
				.orElse(false);
			return serversSet ? ConditionOutcome.noMatch("nats.servers is set: remote mode")
					: ConditionOutcome.match("nats.servers is not set");
		}
	}
}
