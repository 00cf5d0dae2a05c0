package io.github.natsspring.docker.compose;

import java.util.List;
import java.util.function.Supplier;

import io.github.natsspring.autoconfigure.NatsConnectionDetails;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.docker.compose.service.connection.TestDockerComposeConnectionSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Asks Boot's connection details factories, found on the class path this probe is loaded from, for the details of
 * a {@code nats} service whose client port is published on 34222, and gives its servers.
 */
public class ComposeConnectionDetailsProbe implements Supplier<List<String>> {

	@Override
	public List<String> get() {
		ConnectionDetailsFactories factories = new ConnectionDetailsFactories(getClass().getClassLoader());
		NatsConnectionDetails details = (NatsConnectionDetails) factories
			.getConnectionDetails(TestDockerComposeConnectionSource.of(ComposeService.of("nats:2.10", 4222, 34222),
					new MockEnvironment()), true)
			.get(NatsConnectionDetails.class);
		return details.getServers();
	}
}
