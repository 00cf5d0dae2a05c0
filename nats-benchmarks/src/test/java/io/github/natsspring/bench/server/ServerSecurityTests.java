package io.github.natsspring.bench.server;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.natsspring.broker.BrokerPermissions;
import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.SubjectPermission;

import static org.assertj.core.api.Assertions.assertThat;

class ServerSecurityTests {

	@TempDir
	Path logs;

	@Test
	void plaintextWritesNoConfigurationFile() throws Exception {
		assertThat(ServerSecurity.PLAINTEXT.configure(this.logs)).isEqualTo(ServerConfiguration.NONE);
		assertThat(this.logs).isEmptyDirectory();
	}

	@Test
	void permissionsFileGivesTheBrokerOneUserWithWildcardAllowAndDenyLists() throws Exception {
		ServerConfiguration configuration = ServerSecurity.PERMISSIONS.configure(this.logs);

		List<BrokerUser> users = NatsBrokerOptions.fromConfigFile(configuration.file()).auth().users();
		assertThat(users).singleElement().satisfies((user) -> {
			assertThat(user.username()).isEqualTo("bench");
			assertThat(user.password()).isEqualTo("bench");
			assertThat(user.permissions()).isEqualTo(BrokerPermissions.of(
					new SubjectPermission(List.of("bench.>", "_INBOX.>"), List.of("bench.secret.>")),
					SubjectPermission.allowing("bench.>", "_INBOX.>")));
		});
	}

	@Test
	void permissionsClientsAuthenticateAsTheUserInPlaintext() throws Exception {
		ClientAccess access = ServerSecurity.PERMISSIONS.configure(this.logs).access();

		assertThat(access).isEqualTo(ClientAccess.asUser("bench", "bench"));
	}

	@Test
	void tlsConfigurationQuotesTheFilesItNames() {
		assertThat(ServerSecurity.tlsConfig(Path.of("/logs/a \"b\".pem"), Path.of("/logs/key.pem"))).isEqualTo("""
				tls {
				  cert_file: "/logs/a \\"b\\".pem"
				  key_file: "/logs/key.pem"
				}
				""");
	}

	@Test
	void tlsServesACertificateMadeAtRunTimeWhichClientsTrust() throws Exception {
		ServerConfiguration configuration = ServerSecurity.TLS.configure(this.logs);

		BrokerTls tls = NatsBrokerOptions.fromConfigFile(configuration.file()).tls();
		assertThat(tls.certificateFile()).isEqualTo(configuration.access().trustedCertificate());
		assertThat(Files.getPosixFilePermissions(tls.privateKeyFile()))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(subjectAlternativeNames(tls.certificateFile())).contains(List.of(7, "127.0.0.1"),
				List.of(2, "localhost"));
		assertThat(configuration.access().user()).isNull();
	}

	private static List<List<?>> subjectAlternativeNames(Path certificateFile) throws Exception {
		try (InputStream in = Files.newInputStream(certificateFile)) {
			X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(in);
			return List.copyOf(certificate.getSubjectAlternativeNames());
		}
	}

}
