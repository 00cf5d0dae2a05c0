package io.github.natsspring.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.natsspring.broker.BrokerTls;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.core.io.Resource;

/**
 * The SSL bundle of the auto-configured connection to an embedded broker that serves TLS from its configuration
 * file's {@code tls} block: {@code nats.ssl.bundle} when it is set; otherwise a bundle trusting the certificate chain
 * of the file's {@code cert_file}, the very certificate the broker serves, unless the file requires client
 * certificates, which only a bundle can provide.
 */
final class NatsEmbeddedConfigFileSsl {

	private NatsEmbeddedConfigFileSsl() {
	}

	/**
	 * The bundle the connection uses.
	 * @param configFile the value of {@code nats.embedded.config-file}
	 * @param tls the broker's TLS settings
	 * @param clientBundle the bundle {@code nats.ssl.bundle} names, or {@code null}
	 * @return the bundle, or {@code null} when the broker's certificate does not come from a file
	 * @throws InvalidConfigurationPropertyValueException on {@code nats.embedded.config-file} when the file requires
	 * client certificates and {@code nats.ssl.bundle} is not set
	 */
	static @Nullable SslBundle clientBundle(Resource configFile, BrokerTls tls, @Nullable SslBundle clientBundle) {
		if (clientBundle != null) {
			return clientBundle;
		}
		if (tls.verifyClients()) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.config-file", configFile,
					"The file's tls block requires client certificates (verify or verify_and_map) and the"
							+ " auto-configured connection has none. Set nats.ssl.bundle to an SSL bundle"
							+ " (spring.ssl.bundle.*) whose key store holds a certificate the file's ca_file trusts and"
							+ " whose trust store trusts the broker's certificate.");
		}
		Path certificate = tls.certificateFile();
		if (certificate == null) {
			return null;
		}
		String pem;
		try {
			pem = Files.readString(certificate);
		}
		catch (IOException ex) {
			throw new InvalidConfigurationPropertyValueException("nats.embedded.config-file", configFile,
					"The broker's certificate, " + certificate + ", cannot be read for the auto-configured connection"
							+ " to trust (" + ex.getMessage() + "). Set nats.ssl.bundle to a bundle that trusts it.");
		}
		return SslBundle.of(new PemSslStoreBundle(null, PemSslStoreDetails.forCertificates(pem)));
	}
}
