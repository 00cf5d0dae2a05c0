package io.github.natsspring.autoconfigure;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.SubjectPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded broker started from {@code nats.embedded.config-file}: how the property binds and resolves, the
 * file's values, the properties that override them and those that do not, and files that cannot be used.
 */
class NatsEmbeddedConfigFileTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class));

	@TempDir
	Path directory;

	@Test
	void theConfigFileIsBoundAsAResource() throws Exception {
		Path file = write("nats.conf", "port: -1");
		this.contextRunner.withPropertyValues("nats.embedded.config-file=file:" + file)
			.run((context) -> assertThat(
					context.getBean(NatsProperties.class).getEmbedded().getConfigFile().getFile().toPath())
				.isEqualTo(file));
	}

	@Test
	void theBrokerStartsFromTheFilesValues() throws Exception {
		Path file = write("nats.conf", """
				port: -1
				server_name: "from-file"
				max_payload: 2048
				max_connections: 7
				ping_interval: "30s"
				""");
		this.contextRunner.withPropertyValues("nats.embedded.config-file=file:" + file).run(options((options) -> {
			assertThat(options.port()).isZero();
			assertThat(options.serverName()).isEqualTo("from-file");
			assertThat(options.limits().maxPayload()).isEqualTo(2048);
			assertThat(options.limits().maxConnections()).isEqualTo(7);
			assertThat(options.limits().pingInterval()).isEqualTo(Duration.ofSeconds(30));
		}));
	}

	@Test
	void propertiesLeftAtTheirDefaultsDoNotOverrideTheFile() throws Exception {
		Path file = write("nats.conf", """
				listen: "localhost:-1"
				max_payload: 2048
				""");
		this.contextRunner.withPropertyValues("nats.embedded.config-file=file:" + file).run(options((options) -> {
			assertThat(options.host()).isEqualTo("localhost");
			assertThat(options.port()).isZero();
			assertThat(options.limits().maxPayload()).isEqualTo(2048);
		}));
	}

	@Test
	void propertiesThatAreSetOverrideTheFile() throws Exception {
		Path file = write("nats.conf", """
				listen: "localhost:4333"
				server_name: "from-file"
				max_payload: 2048
				""");
		this.contextRunner
			.withPropertyValues("nats.embedded.config-file=file:" + file, "nats.embedded.host=127.0.0.1",
					"nats.embedded.port=0", "nats.embedded.server-name=from-properties",
					"nats.embedded.max-payload=4KB", "nats.embedded.io-threads=1")
			.run(options((options) -> {
				assertThat(options.host()).isEqualTo("127.0.0.1");
				assertThat(options.port()).isZero();
				assertThat(options.serverName()).isEqualTo("from-properties");
				assertThat(options.limits().maxPayload()).isEqualTo(4096);
				assertThat(options.ioThreads()).isEqualTo(1);
			}));
	}

	@Test
	void aPropertySetToItsDefaultValueStillOverridesTheFile() throws Exception {
		Path file = write("nats.conf", "max_payload: 2048");
		this.contextRunner
			.withPropertyValues("nats.embedded.config-file=file:" + file, "nats.embedded.port=0",
					"nats.embedded.max-payload=1MB")
			.run(options((options) -> assertThat(options.limits().maxPayload()).isEqualTo(1024 * 1024)));
	}

	@Test
	void withoutAHostInTheFileTheBrokerListensOnLoopbackRatherThanOnAllInterfaces() throws Exception {
		Path file = write("nats.conf", "port: -1");
		this.contextRunner.withPropertyValues("nats.embedded.config-file=file:" + file)
			.run(options((options) -> assertThat(options.host()).isEqualTo("127.0.0.1")));
	}

	@Test
	void theFilesUsersAndPermissionsAreTheBrokers() throws Exception {
		Path file = write("nats.conf", """
				authorization {
				  users = [
				    {user: app, password: pw, permissions: {publish: "orders.>", subscribe: ">"}}
				    {user: ops, password: ops-pw}
				  ]
				}
				""");
		this.contextRunner
			.withPropertyValues("nats.embedded.config-file=file:" + file, "nats.embedded.port=0", "nats.username=app",
					"nats.password=pw")
			.run(options((options) -> {
				BrokerAuth auth = options.auth();
				assertThat(auth.users()).extracting(BrokerUser::username).containsExactly("app", "ops");
				assertThat(auth.users().get(0).permissions().publish())
					.isEqualTo(SubjectPermission.allowing("orders.>"));
			}));
	}

	@Test
	void authorizationPropertiesReplaceTheFilesAuthorizationAsAWhole() throws Exception {
		Path file = write("nats.conf", """
				authorization {
				  users = [ {user: app, password: pw} ]
				  default_permissions: {publish: {deny: ">"}}
				}
				""");
		this.contextRunner
			.withPropertyValues("nats.embedded.config-file=file:" + file, "nats.embedded.port=0",
					"nats.embedded.username=ops", "nats.embedded.password=ops-pw")
			.run(options((options) -> {
				assertThat(options.auth().users()).extracting(BrokerUser::username).containsExactly("ops");
				assertThat(options.auth().defaultPermissions()).isNull();
			}));
	}

	@Test
	void includesResolveAgainstTheFilesDirectory() throws Exception {
		Path conf = Files.createDirectories(this.directory.resolve("conf"));
		Files.writeString(conf.resolve("limits.conf"), "max_payload: 4096");
		Path file = Files.writeString(conf.resolve("nats.conf"), "include \"limits.conf\"\nport: -1\n");
		this.contextRunner.withPropertyValues("nats.embedded.config-file=file:" + file)
			.run(options((options) -> assertThat(options.limits().maxPayload()).isEqualTo(4096)));
	}

	@Test
	void aClassPathFileOnTheFileSystemIsReadInPlaceSoThatItsIncludesResolve() {
		this.contextRunner
			.withPropertyValues("nats.embedded.config-file=classpath:config-file/nats.conf", "nats.embedded.port=0")
			.run(options((options) -> {
				assertThat(options.serverName()).isEqualTo("from-class-path");
				assertThat(options.limits().maxPayload()).isEqualTo(8192);
			}));
	}

	@Test
	void aClassPathFileInsideAJarIsReadFromACopy() throws Exception {
		this.contextRunner.withClassLoader(jarWith("nats.conf", "server_name: \"from-jar\""))
			.withPropertyValues("nats.embedded.config-file=classpath:nats.conf", "nats.embedded.port=0")
			.run(options((options) -> assertThat(options.serverName()).isEqualTo("from-jar")));
	}

	@Test
	void anIncludeOfAFileInsideAJarCannotBeFoundAndTheCopyIsDeleted() throws Exception {
		this.contextRunner.withClassLoader(jarWith("nats.conf", "include \"limits.conf\""))
			.withPropertyValues("nats.embedded.config-file=classpath:nats.conf", "nats.embedded.port=0")
			.run((context) -> {
				NatsEmbeddedConfigFileException failure = StartupFailures.configFile(context.getStartupFailure());
				assertThat(failure.getProblem()).isEqualTo(NatsEmbeddedConfigFileException.Problem.UNREADABLE);
				assertThat(failure.getErrors()).singleElement()
					.asString()
					.startsWith("error parsing include file 'limits.conf', open ")
					.endsWith("limits.conf: no such file or directory");
				assertThat(failure.getFile()).doesNotExist();
				assertThat(failure.getFile().getParent()).doesNotExist();
			});
	}

	@Test
	void aBrokerOptionsCustomizerAppliesOverTheFile() throws Exception {
		Path file = write("nats.conf", "server_name: \"from-file\"");
		this.contextRunner
			.withPropertyValues("nats.embedded.config-file=file:" + file, "nats.embedded.port=0")
			.withBean(NatsBrokerOptionsCustomizer.class, () -> (options) -> options.serverName("from-customizer"))
			.run(options((options) -> assertThat(options.serverName()).isEqualTo("from-customizer")));
	}

	@Test
	void aPropertyOverridingTheFileIsCheckedAsWithoutAFile() throws Exception {
		Path file = write("nats.conf", "port: -1");
		this.contextRunner.withPropertyValues("nats.embedded.config-file=file:" + file, "nats.embedded.port=70000")
			.run((context) -> {
				InvalidConfigurationPropertyValueException invalid = StartupFailures
					.invalidProperty(context.getStartupFailure());
				assertThat(invalid.getName()).isEqualTo("nats.embedded.port");
			});
	}

	@Test
	void aMissingFileFailsStartup() {
		Path file = this.directory.resolve("absent.conf");
		this.contextRunner.withPropertyValues("nats.embedded.config-file=file:" + file).run((context) -> {
			NatsEmbeddedConfigFileException failure = StartupFailures.configFile(context.getStartupFailure());
			assertThat(failure.getProblem()).isEqualTo(NatsEmbeddedConfigFileException.Problem.NOT_FOUND);
			assertThat(failure.getFile()).isNull();
			assertThat(failure.getResource().getFile().toPath()).isEqualTo(file);
		});
	}

	@Test
	void aFileThatDoesNotParseFailsStartupWithNatsServersMessage() throws Exception {
		Path file = write("nats.conf", "port: 4222\nserver_name = \n");
		this.contextRunner.withPropertyValues("nats.embedded.config-file=file:" + file).run((context) -> {
			NatsEmbeddedConfigFileException failure = StartupFailures.configFile(context.getStartupFailure());
			assertThat(failure.getProblem()).isEqualTo(NatsEmbeddedConfigFileException.Problem.UNREADABLE);
			assertThat(failure.getFile()).isEqualTo(file);
			assertThat(failure.getErrors())
				.containsExactly("Parse error on line 3: 'Expected value but found new line'");
		});
	}

	@Test
	void aFileWithErrorsFailsStartupWithEachErrorInPlace() throws Exception {
		Path file = write("nats.conf", """
				prot: 4222
				max_payload: "big"
				gateway: {}
				""");
		this.contextRunner.withPropertyValues("nats.embedded.config-file=file:" + file).run((context) -> {
			NatsEmbeddedConfigFileException failure = StartupFailures.configFile(context.getStartupFailure());
			assertThat(failure.getProblem()).isEqualTo(NatsEmbeddedConfigFileException.Problem.INVALID);
			assertThat(failure.getErrors()).containsExactly(file + ":1:0: unknown field \"prot\"",
					file + ":2:1: interface conversion: interface {} is string, not int64",
					file + ":3:1: field \"gateway\" is not supported by this broker");
		});
	}

	@Test
	void aPortOutOfRangeInTheFileFailsStartupOnTheFile() throws Exception {
		Path file = write("nats.conf", "port: 70000");
		this.contextRunner.withPropertyValues("nats.embedded.config-file=file:" + file).run((context) -> {
			NatsEmbeddedConfigFileException failure = StartupFailures.configFile(context.getStartupFailure());
			assertThat(failure.getProblem()).isEqualTo(NatsEmbeddedConfigFileException.Problem.INVALID);
			assertThat(failure.getErrors()).containsExactly("invalid port 70000");
		});
	}

	private Path write(String name, String content) throws Exception {
		return Files.writeString(this.directory.resolve(name), content);
	}

	private ClassLoader jarWith(String name, String content) throws Exception {
		Path jar = this.directory.resolve("config.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			out.putNextEntry(new JarEntry(name));
			out.write(content.getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		return new URLClassLoader(new URL[] { jar.toUri().toURL() }, getClass().getClassLoader());
	}

	private static ContextConsumer<AssertableApplicationContext> options(OptionsAssertion assertion) {
		return (context) -> {
			assertThat(context).hasNotFailed();
			assertion.accept(context.getBean(NatsBroker.class).getOptions());
		};
	}

	@FunctionalInterface
	private interface OptionsAssertion {

		void accept(NatsBrokerOptions options) throws Exception;

	}
}
