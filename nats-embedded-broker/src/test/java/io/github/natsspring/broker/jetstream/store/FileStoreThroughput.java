package io.github.natsspring.broker.jetstream.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A short measurement of {@link FileStore#store} throughput under each durability choice, 128-byte payloads,
 * about a second per case: forcing each write from one thread and from four (their forces shared), writing
 * without forcing, and without forcing but syncing every 64 stores (the batch a stream's thread could drain).
 * Run with the test class path: {@code java -cp target/classes:target/test-classes:… FileStoreThroughput [dir]}.
 */
final class FileStoreThroughput {

	private static final long CASE_NANOS = 1_000_000_000L;

	private static final byte[] PAYLOAD = new byte[128];

	private FileStoreThroughput() {
	}

	public static void main(String[] args) throws Exception {
		Path root = (args.length > 0) ? Files.createDirectories(Path.of(args[0]))
				: Files.createTempDirectory("store-throughput");
		try {
			report("force each write, 1 thread", measure(root.resolve("a"), true, 1, 0));
			report("force each write, 4 threads", measure(root.resolve("b"), true, 4, 0));
			report("no force, 1 thread", measure(root.resolve("c"), false, 1, 0));
			report("no force, sync every 64, 1 thread", measure(root.resolve("d"), false, 1, 64));
		}
		finally {
			AtomicFiles.deleteTree(root);
		}
	}

	private static void report(String name, double perSecond) {
		System.out.printf("%-36s %,10.0f msgs/s%n", name, perSecond);
	}

	private static double measure(Path directory, boolean force, int threads, int syncEvery) throws Exception {
		FileStoreOptions options = FileStoreOptions.builder(directory).forceEachWrite(force).build();
		ExecutorService writers = Executors.newFixedThreadPool(threads);
		AtomicLong stored = new AtomicLong();
		try (FileStore store = FileStore.open("S", StoreLimits.none(), options)) {
			long start = System.nanoTime();
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				done.add(writers.submit(() -> {
					long count = 0;
					while (System.nanoTime() - start < CASE_NANOS) {
						store.store("bench", null, PAYLOAD, System.nanoTime());
						if (syncEvery > 0 && ++count % syncEvery == 0) {
							store.sync();
						}
						stored.incrementAndGet();
					}
					return null;
				}));
			}
			for (Future<?> writer : done) {
				writer.get();
			}
			store.sync();
			return stored.get() * 1e9 / (System.nanoTime() - start);
		}
		finally {
			writers.shutdownNow();
		}
	}
}
