package io.github.natsspring.broker.cli;

/** What a command line asks for, as decided by {@link BrokerCommandLine}. */
public sealed interface BrokerCommand {

	/** Run the broker with these flags. */
	record Start(BrokerFlags flags) implements BrokerCommand {
	}

	/**
	 * Send a running broker a signal ({@code --signal reload=<pid>}) and exit.
	 * @param argument the flag's value: the command, optionally {@code =} and a pid or pid file
	 */
	record SendSignal(String argument) implements BrokerCommand {
	}

	/** Print the usage text ({@code -h}, {@code --help} or the {@code help} command). */
	record ShowHelp() implements BrokerCommand {
	}

	/** Print the version ({@code -v}, {@code --version} or the {@code version} command). */
	record ShowVersion() implements BrokerCommand {
	}

	/**
	 * A flag that is not defined, lacks its value or has a bad one. nats-server (Go's {@code flag} package)
	 * prints the message to standard error, then the usage text, and exits with status 0.
	 * @param message Go's wording, e.g. {@code flag provided but not defined: -x}
	 */
	record FlagError(String message) implements BrokerCommand {
	}

	/**
	 * A positional argument other than {@code help} or {@code version}; nats-server prints
	 * {@code <program>: unrecognized command: "<argument>"} to standard error and exits with status 1.
	 * @param argument the argument as given
	 */
	record UnrecognizedCommand(String argument) implements BrokerCommand {
	}
}
