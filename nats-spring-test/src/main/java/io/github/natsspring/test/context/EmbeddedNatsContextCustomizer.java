package io.github.natsspring.test.context;

import java.util.List;
import java.util.Objects;

import io.github.natsspring.autoconfigure.NatsConnectionDetails;
import io.github.natsspring.test.EmbeddedNatsCluster;
import io.github.natsspring.test.EmbeddedNatsServer;
import io.github.natsspring.test.EmbeddedNatsSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Registers an {@link EmbeddedNatsServer} bean, started with the context on a free loopback port and stopped when
 * the context closes, and {@link NatsConnectionDetails} pointing at it, so the auto-configured connection goes
 * there in remote mode and the application starts no broker of its own. With a {@code clusterSize} above 1 it
 * registers an {@link EmbeddedNatsCluster} bean instead, started and stopped with the context, its first node as
 * the {@link EmbeddedNatsServer} bean, and connection details naming every node.
 * <p>
 * Each context owns its broker: a context cached for several test classes keeps the same broker until the cache
 * closes it, and contexts never share a port. Equal when the settings are, so test classes asking for the same
 * broker share a cached context.
 */
final class EmbeddedNatsContextCustomizer implements ContextCustomizer {

	static final String SERVER_BEAN_NAME = "embeddedNatsServer";

	static final String CLUSTER_BEAN_NAME = "embeddedNatsCluster";

	static final String CONNECTION_DETAILS_BEAN_NAME = "embeddedNatsServerConnectionDetails";

	private final EmbeddedNatsSettings settings;

	EmbeddedNatsContextCustomizer(EmbeddedNatsSettings settings) {
		this.settings = settings;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
			throw new IllegalStateException("@EmbeddedNats needs an application context whose bean factory takes bean"
					+ " definitions, not a " + beanFactory.getClass().getName());
		}
		if (this.settings.isCluster()) {
			registerCluster(registry, beanFactory);
			return;
		}
		RootBeanDefinition server = new RootBeanDefinition(EmbeddedNatsServer.class,
				() -> new EmbeddedNatsServer(this.settings));
		server.setInitMethodName("start");
		server.setDestroyMethodName("close");
		registry.registerBeanDefinition(SERVER_BEAN_NAME, server);
		RootBeanDefinition connectionDetails = new RootBeanDefinition(EmbeddedNatsServerConnectionDetails.class, () -> {
			EmbeddedNatsServer started = beanFactory.getBean(EmbeddedNatsServer.class);
			return new EmbeddedNatsServerConnectionDetails(started.getSettings(), () -> List.of(started.getUrl()));
		});
		registry.registerBeanDefinition(CONNECTION_DETAILS_BEAN_NAME, connectionDetails);
	}

	// the nodes belong to the cluster bean, which starts and stops them: the node bean has no lifecycle of its own
	private void registerCluster(BeanDefinitionRegistry registry, ConfigurableListableBeanFactory beanFactory) {
		RootBeanDefinition cluster = new RootBeanDefinition(EmbeddedNatsCluster.class,
				() -> new EmbeddedNatsCluster(this.settings));
		cluster.setInitMethodName("start");
		cluster.setDestroyMethodName("stop");
		registry.registerBeanDefinition(CLUSTER_BEAN_NAME, cluster);
		RootBeanDefinition firstNode = new RootBeanDefinition(EmbeddedNatsServer.class,
				() -> beanFactory.getBean(EmbeddedNatsCluster.class).getNode(0));
		// empty, not inferred: Spring would close the AutoCloseable node on its own
		firstNode.setDestroyMethodName("");
		registry.registerBeanDefinition(SERVER_BEAN_NAME, firstNode);
		RootBeanDefinition connectionDetails = new RootBeanDefinition(EmbeddedNatsServerConnectionDetails.class, () -> {
			EmbeddedNatsCluster started = beanFactory.getBean(EmbeddedNatsCluster.class);
			return new EmbeddedNatsServerConnectionDetails(this.settings, started::getUrls);
		});
		registry.registerBeanDefinition(CONNECTION_DETAILS_BEAN_NAME, connectionDetails);
	}

	EmbeddedNatsSettings settings() {
		return this.settings;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof EmbeddedNatsContextCustomizer customizer
				&& this.settings.equals(customizer.settings));
	}

	@Override
	public int hashCode() {
		return Objects.hash(EmbeddedNatsContextCustomizer.class, this.settings);
	}
}
