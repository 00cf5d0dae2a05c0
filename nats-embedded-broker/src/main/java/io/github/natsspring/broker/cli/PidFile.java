package io.github.natsspring.broker.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The file {@code -P} names, holding the process id as nats-server writes it: digits only, mode 0660. */
final class PidFile {

	private static final Set<StandardOpenOption> OVERWRITE = Set.of(StandardOpenOption.CREATE,
			StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);

	private PidFile() {
	}

	/** Writes this process's id to the file, replacing what it held. nats-server leaves it behind on exit. */
	static void write(Path path) throws IOException {
		String pid = Long.toString(ProcessHandle.current().pid());
		ByteBuffer bytes = ByteBuffer.wrap(pid.getBytes(StandardCharsets.US_ASCII));
		try (SeekableByteChannel channel = open(path)) {
			while (bytes.hasRemaining()) {
				channel.write(bytes);
			}
		}
	}

	private static SeekableByteChannel open(Path path) throws IOException {
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			FileAttribute<?> mode = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw----"));
			return Files.newByteChannel(path, OVERWRITE, mode);
		}
		return Files.newByteChannel(path, OVERWRITE);
	}
}
