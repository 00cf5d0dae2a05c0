package io.github.natsspring.broker.jetstream.store;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The child process of {@link FileStoreKillTests}: stores messages {@code m-<seq>} into a file store in the
 * directory given as first argument, without forcing, and prints each sequence once {@code store} returned,
 * until killed or after the count given as second argument.
 */
final class StoreWriterProcess {

	private StoreWriterProcess() {
	}

	public static void main(String[] args) throws Exception {
		Path directory = Path.of(args[0]);
		int count = Integer.parseInt(args[1]);
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.US_ASCII);
		FileStoreOptions options = FileStoreOptions.builder(directory).forceEachWrite(false).blockSize(64 * 1024).build();
		try (FileStore store = FileStore.open("S", StoreLimits.none(), options)) {
			for (int i = 1; i <= count; i++) {
				long expected = store.state().lastSequence() + 1;
				long sequence = store.store("s." + (i % 4), null, ("m-" + expected).getBytes(StandardCharsets.US_ASCII),
						TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()));
				// flushed per line so the parent sees the burst progress and kills it midway
				out.print(sequence + "\n");
				out.flush();
			}
		}
	}
}
