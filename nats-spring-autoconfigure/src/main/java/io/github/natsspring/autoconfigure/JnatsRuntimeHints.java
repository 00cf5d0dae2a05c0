package io.github.natsspring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.util.ClassUtils;

/**
 * What jnats reaches by name at runtime, for native images: the {@code DataPort} implementations of jnats,
 * which {@code Options.buildDataPort()} instantiates through their public no-argument constructor when
 * {@code Options.Builder.dataPortType(String)} names one, and the {@code version.properties} resource the
 * client reads its version from for the {@code CONNECT} message; with the embedded broker on the class path,
 * also the broker's in-JVM data port, which {@code nats.embedded.transport=in-jvm} names. Classes an application
 * names itself in
 * jnats options (a data port, a server pool, a thread factory) need hints from the application.
 */
class JnatsRuntimeHints implements RuntimeHintsRegistrar {

	private static final String[] DATA_PORTS = { "io.nats.client.impl.SocketDataPort",
			"io.nats.client.impl.SocketDataPortWithWriteTimeout" };

	private static final String IN_JVM_DATA_PORT = "io.nats.client.impl.InJvmDataPort";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (String dataPort : DATA_PORTS) {
			hints.reflection()
				.registerType(TypeReference.of(dataPort), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
		}
		if (ClassUtils.isPresent(IN_JVM_DATA_PORT, classLoader)) {
			hints.reflection()
				.registerType(TypeReference.of(IN_JVM_DATA_PORT), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
		}
		hints.resources().registerPattern("io/nats/jnats/version.properties");
	}
}
