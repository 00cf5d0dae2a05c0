package io.github.natsspring.broker.config;

import io.github.natsspring.broker.NatsBrokerException;

/**
 * A configuration file that cannot be parsed, or read, with nats-server's message: for example
 * {@code Parse error on line 2: 'Expected value but found new line'},
 * {@code variable reference for 'X' on line 3 can not be found} or
 * {@code error parsing include file 'tls.conf', open tls.conf: no such file or directory}.
 */
public class ConfigSyntaxException extends NatsBrokerException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message nats-server's message
	 */
	public ConfigSyntaxException(String message) {
		super(message);
	}
}
