package io.github.natsspring.broker.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

/** Words a failure to open a file as Go's {@code os.OpenFile} error reads in nats-server's messages. */
final class GoOpenError {

	private GoOpenError() {
	}

	/** For example {@code open /var/log/nats.log: permission denied}. */
	static String message(String path, IOException ex) {
		return "open " + path + ": " + reason(ex);
	}

	private static String reason(IOException ex) {
		if (ex instanceof NoSuchFileException) {
			return "no such file or directory";
		}
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (ex instanceof FileAlreadyExistsException) {
			return "file exists";
		}
		return String.valueOf(ex.getMessage());
	}
}
