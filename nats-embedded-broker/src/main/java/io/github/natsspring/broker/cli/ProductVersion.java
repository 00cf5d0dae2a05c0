package io.github.natsspring.broker.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this broker, and of the nats-server release whose behaviour it reproduces. */
final class ProductVersion {

	/** The nats-server release this broker is compatible with, flag for flag and byte for byte. */
	static final String COMPATIBLE_NATS_SERVER = "2.9.10";

	// Written by Maven into every jar it builds, the shaded one included; absent when run from classes.
	private static final String POM_PROPERTIES =
			"/META-INF/maven/io.github.natsspring/nats-embedded-broker/pom.properties";

	private static final String UNPACKAGED = "dev";

	private ProductVersion() {
	}

	/** The project version this broker was packaged as, or {@code dev} when run from unpackaged classes. */
	static String current() {
		try (InputStream in = ProductVersion.class.getResourceAsStream(POM_PROPERTIES)) {
			if (in == null) {
				return UNPACKAGED;
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version", UNPACKAGED);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The line {@code -v} prints, shaped like nats-server's {@code nats-server: v2.9.10}. */
	static String versionLine() {
		return BrokerCommandLine.PROGRAM_NAME + ": v" + current() + " (compatible with nats-server v"
				+ COMPATIBLE_NATS_SERVER + ")";
	}
}
