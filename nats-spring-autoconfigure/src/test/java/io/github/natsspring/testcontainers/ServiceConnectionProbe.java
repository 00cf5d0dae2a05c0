package io.github.natsspring.testcontainers;

import java.util.List;
import java.util.function.Supplier;

import io.github.natsspring.autoconfigure.NatsAutoConfiguration;
import io.github.natsspring.autoconfigure.NatsConnectionDetails;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.nats.client.Connection;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;

/**
 * Starts an application with a {@code @ServiceConnection} container of the {@code nats} image on the class path
 * this probe is loaded from, and gives the container's mapped client port, the servers of the connection details
 * and the URL the connection reached.
 */
public class ServiceConnectionProbe implements Supplier<List<String>> {

	@Override
	public List<String> get() {
		String[] result = new String[3];
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ServiceConnectionAutoConfiguration.class, NatsAutoConfiguration.class))
			.withBean(NatsContainerConnectionDetailsFactoryTests.ContainerSpec.class,
					() -> new NatsContainerConnectionDetailsFactoryTests.ContainerSpec(
							NatsBrokerOptions.loopbackRandomPort()))
			.withUserConfiguration(NatsContainerConnectionDetailsFactoryTests.NatsServiceConnection.class)
			.run((context) -> {
				result[0] = String.valueOf(context.getBean(BrokerBackedNatsContainer.class).getMappedPort(4222));
				result[1] = String.join(",", context.getBean(NatsConnectionDetails.class).getServers());
				result[2] = context.getBean(Connection.class).getConnectedUrl();
			});
		return List.of(result);
	}
}
