package io.github.natsspring.listener;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Holds the {@link NatsListenerContainer listener containers} of the application by id and ties them to
 * the context lifecycle: containers start after the other beans are ready and drain in parallel when the
 * context closes. Its phase is the highest, so listeners stop before any lifecycle bean of a lower phase,
 * and before the connection is closed when beans are destroyed.
 */
public class NatsListenerEndpointRegistry implements SmartLifecycle, DisposableBean {

	private final Map<String, NatsListenerContainer> containers = new LinkedHashMap<>();

	private int phase = DEFAULT_PHASE;

	private volatile boolean running;

	/**
	 * Finds a container by listener id.
	 * @param id the listener id
	 * @return the container, or {@code null} when there is none with that id
	 */
	public synchronized @Nullable NatsListenerContainer getListenerContainer(String id) {
		return this.containers.get(id);
	}

	/**
	 * The ids of all registered listeners.
	 * @return the ids in registration order
	 */
	public synchronized List<String> getListenerContainerIds() {
		return List.copyOf(this.containers.keySet());
	}

	/**
	 * All registered containers.
	 * @return the containers in registration order
	 */
	public synchronized Collection<NatsListenerContainer> getListenerContainers() {
		return Collections.unmodifiableList(new ArrayList<>(this.containers.values()));
	}

	/**
	 * Registers a container, starting it at once when the registry runs and the container starts
	 * automatically.
	 * @param container the container
	 * @throws IllegalStateException if a container with the same id is registered
	 */
	public synchronized void registerListenerContainer(NatsListenerContainer container) {
		if (this.containers.putIfAbsent(container.getId(), container) != null) {
			throw new IllegalStateException("Another NATS listener is already registered with id '"
					+ container.getId() + "'");
		}
		if (this.running && container.isAutoStartup()) {
			container.start();
		}
	}

	@Override
	public synchronized void start() {
		for (NatsListenerContainer container : this.containers.values()) {
			if (container.isAutoStartup()) {
				container.start();
			}
		}
		this.running = true;
	}

	@Override
	public void stop() {
		drainAll().join();
	}

	@Override
	public void stop(Runnable callback) {
		drainAll().whenComplete((result, ex) -> callback.run());
	}

	private synchronized CompletableFuture<Void> drainAll() {
		this.running = false;
		return CompletableFuture.allOf(this.containers.values()
			.stream()
			.map(NatsListenerContainer::drain)
			.toArray(CompletableFuture[]::new));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return this.phase;
	}

	/**
	 * Sets the lifecycle phase; listeners must stop before the connection they use.
	 * @param phase the phase
	 */
	public void setPhase(int phase) {
		this.phase = phase;
	}

	/**
	 * Stops containers still running, for contexts closed without a lifecycle stop.
	 */
	@Override
	public void destroy() {
		stop();
	}
}
