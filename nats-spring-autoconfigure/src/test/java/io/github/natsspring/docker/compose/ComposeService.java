package io.github.natsspring.docker.compose;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;

/**
 * A service as {@code docker compose ps} and {@code docker inspect} would report it, for tests without Docker.
 * @param name the service's name
 * @param image the image it runs
 * @param host the host its ports are published on
 * @param publishedPorts container port to host port
 * @param labels the service's labels
 */
record ComposeService(String name, ImageReference image, String host, Map<Integer, Integer> publishedPorts,
		Map<String, String> labels) implements RunningService {

	/** A service named {@code messaging} of the image, without labels, on 127.0.0.1. */
	static ComposeService of(String image, int containerPort, int hostPort) {
		return new ComposeService("messaging", ImageReference.of(image), "127.0.0.1", Map.of(containerPort, hostPort),
				Map.of());
	}

	ComposeService withLabels(Map<String, String> labels) {
		return new ComposeService(this.name, this.image, this.host, this.publishedPorts, labels);
	}

	@Override
	public ConnectionPorts ports() {
		return new ConnectionPorts() {

			@Override
			public int get(int containerPort) {
				Integer hostPort = ComposeService.this.publishedPorts.get(containerPort);
				if (hostPort == null) {
					throw new IllegalStateException("No host port for container port " + containerPort);
				}
				return hostPort;
			}

			@Override
			public List<Integer> getAll() {
				return List.copyOf(ComposeService.this.publishedPorts.values());
			}

			@Override
			public List<Integer> getAll(@Nullable String protocol) {
				return getAll();
			}
		};
	}

	@Override
	public Map<String, @Nullable String> env() {
		return Map.of();
	}
}
