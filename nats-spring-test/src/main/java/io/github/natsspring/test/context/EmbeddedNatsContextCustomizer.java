package io.github.natsspring.test.context;

import java.util.Objects;

import io.github.natsspring.autoconfigure.NatsConnectionDetails;
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
 * there in remote mode and the application starts no broker of its own.
 * <p>
 * Each context owns its broker: a context cached for several test classes keeps the same broker until the cache
 * closes it, and contexts never share a port. Equal when the settings are, so test classes asking for the same
 * broker share a cached context.
 */
final class EmbeddedNatsContextCustomizer implements ContextCustomizer {

	static final String SERVER_BEAN_NAME = "embeddedNatsServer";

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
		RootBeanDefinition server = new RootBeanDefinition(EmbeddedNatsServer.class,
				() -> new EmbeddedNatsServer(this.settings));
		server.setInitMethodName("start");
		server.setDestroyMethodName("stop");
		registry.registerBeanDefinition(SERVER_BEAN_NAME, server);
		RootBeanDefinition connectionDetails = new RootBeanDefinition(EmbeddedNatsServerConnectionDetails.class,
				() -> new EmbeddedNatsServerConnectionDetails(beanFactory.getBean(EmbeddedNatsServer.class)));
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
