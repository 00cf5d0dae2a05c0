package io.github.natsspring.autoconfigure.jetstream;

import io.github.natsspring.jetstream.JetStreamDeclarationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link JetStreamDeclarationException}: which declared stream or key-value bucket the server refused,
 * its error, and what to change.
 */
class JetStreamDeclarationFailureAnalyzer extends AbstractFailureAnalyzer<JetStreamDeclarationException> {

	private static final int SUBJECTS_OVERLAP = 10065;

	private static final int NAME_IN_USE = 10058;

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, JetStreamDeclarationException cause) {
		String bean = cause.getKind().equals("stream") ? "StreamConfiguration" : "KeyValueConfiguration";
		String action = switch (cause.getApiErrorCode()) {
			case SUBJECTS_OVERLAP -> "Another stream on the server already captures some of the subjects of "
					+ cause.getKind() + " '" + cause.getName() + "'. Change the subjects of the " + bean
					+ " bean, or remove the other stream.";
			case NAME_IN_USE -> "The server holds " + cause.getKind() + " '" + cause.getName() + "' with another"
					+ " configuration. Change the " + bean + " bean to match it, or remove it on the server.";
			default -> "Change the " + bean + " bean of " + cause.getKind() + " '" + cause.getName() + "' to a"
					+ " configuration the server accepts; a change the server cannot make in place (storage type,"
					+ " retention) needs the " + cause.getKind() + " removed on the server first.";
		};
		return new FailureAnalysis(cause.getMessage() + ".", action, cause);
	}
}
