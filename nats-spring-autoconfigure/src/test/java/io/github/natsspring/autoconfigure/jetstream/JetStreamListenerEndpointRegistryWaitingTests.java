package io.github.natsspring.autoconfigure.jetstream;

import java.util.List;

import io.github.natsspring.jetstream.JetStreamAdmin;
import io.github.natsspring.jetstream.JetStreamContexts;
import io.github.natsspring.jetstream.listener.JetStreamListenerContainer;
import io.github.natsspring.jetstream.listener.JetStreamListenerContainerFactory;
import io.github.natsspring.jetstream.listener.JetStreamListenerEndpoint;
import io.github.natsspring.jetstream.listener.JetStreamListenerEndpointRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamOptions;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The listener containers start only once the declarations that waited for the connection have run, even when
 * the connection comes up between the admin's start and the registry's.
 */
class JetStreamListenerEndpointRegistryWaitingTests {

	@Test
	void containersWaitForDeclarationsThatStillWait() throws Exception {
		try (JetStreamServer server = JetStreamServer.start(); Connection connection = Nats.connect(server.getUrl())) {
			StreamConfiguration stream = StreamConfiguration.builder()
				.name("WAITING")
				.subjects("waiting.>")
				.storageType(StorageType.Memory)
				.build();
			Connection late = mock(Connection.class);
			given(late.getStatus()).willReturn(Connection.Status.DISCONNECTED);
			given(late.getServerInfo()).willReturn(connection.getServerInfo());
			JetStreamAdmin admin = new JetStreamAdmin(late,
					() -> JetStreamContexts.jetStreamManagement(connection, JetStreamOptions.DEFAULT_JS_OPTIONS),
					List.of(stream), List.of());
			admin.start();
			assertThat(admin.isWaiting()).isTrue();
			JetStreamListenerEndpointRegistry registry = new JetStreamListenerEndpointRegistry(connection, admin);
			JetStreamListenerContainer container = new JetStreamListenerContainerFactory(() -> connection,
					() -> JetStreamContexts.jetStream(connection, JetStreamOptions.DEFAULT_JS_OPTIONS))
				.createListenerContainer(JetStreamListenerEndpoint.builder("waiting", "WAITING").build(), (message) -> {
				});
			registry.registerListenerContainer(container);
			registry.start();
			assertThat(container.isRunning()).isFalse();
			given(late.getStatus()).willReturn(Connection.Status.CONNECTED);
			admin.declareIfWaiting();
			registry.startIfWaiting();
			assertThat(admin.isWaiting()).isFalse();
			assertThat(container.isRunning()).isTrue();
			registry.stop();
		}
	}
}
