package io.github.natsspring.bench.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to launch one NATS server under test: a label for the report, the command line without the listen address,
 * which {@link ServerProcess} appends as nats-server style {@code -a}/{@code -p} flags, and the configuration file
 * given before them with {@code -c}, if any.
 *
 * @param label the name shown in the report, e.g. {@code nats-server} or {@code broker}
 * @param command the executable and its fixed arguments
 * @param jvm whether the process is a JVM, so its heap can be inspected with {@code jcmd}/{@code jstat}
 * @param configuration the configuration file and how clients reach a server started with it
 */
public record ServerCommand(String label, List<String> command, boolean jvm, ServerConfiguration configuration) {

	/**
	 * Creates a command, copying the argument list.
	 */
	public ServerCommand {
		command = List.copyOf(command);
	}

	/**
	 * Describes the reference nats-server binary.
	 * @param label the name shown in the report
	 * @param executable the nats-server binary
	 * @return the command
	 */
	public static ServerCommand natsServer(String label, Path executable) {
		return new ServerCommand(label, List.of(executable.toString()), false, ServerConfiguration.NONE);
	}

	/**
	 * Describes the embedded broker started from its standalone jar.
	 * @param label the name shown in the report
	 * @param java the java launcher
	 * @param jvmOptions the options given to the broker's JVM
	 * @param jar the standalone broker jar
	 * @return the command
	 */
	public static ServerCommand brokerJar(String label, Path java, List<String> jvmOptions, Path jar) {
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		return new ServerCommand(label, command, true, ServerConfiguration.NONE);
	}

	/**
	 * Returns the same server started with a configuration file.
	 * @param configuration the file and how clients reach the server
	 * @return the command
	 */
	public ServerCommand configuredBy(ServerConfiguration configuration) {
		return new ServerCommand(this.label, this.command, this.jvm, configuration);
	}

	/**
	 * Returns the same server under another label with further fixed arguments, given after the existing ones and
	 * before the configuration file and the listen flags, e.g. a cluster node's {@code --cluster} and {@code --routes}.
	 * @param nodeLabel the name shown in the report and in the log file's name
	 * @param arguments the arguments to add
	 * @return the command
	 */
	public ServerCommand withArguments(String nodeLabel, List<String> arguments) {
		List<String> line = new ArrayList<>(this.command);
		line.addAll(arguments);
		return new ServerCommand(nodeLabel, line, this.jvm, this.configuration);
	}

	/**
	 * Returns the full command line that makes the server listen on the given loopback port.
	 * @param host the address to bind, always a loopback address
	 * @param port the port to bind
	 * @return the command line
	 */
	public List<String> listeningOn(String host, int port) {
		List<String> line = new ArrayList<>(this.command);
		if (this.configuration.file() != null) {
			line.add("-c");
			line.add(this.configuration.file().toString());
		}
		line.add("-a");
		line.add(host);
		line.add("-p");
		line.add(Integer.toString(port));
		return line;
	}

	/**
	 * Returns the command as one shell-like line for the report.
	 * @return the command line joined by spaces
	 */
	public String describe() {
		return String.join(" ", this.command);
	}

}
