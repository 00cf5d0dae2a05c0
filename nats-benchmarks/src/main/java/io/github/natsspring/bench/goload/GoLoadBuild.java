package io.github.natsspring.bench.goload;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@code natsload} from this module's Go source ({@code src/main/go/natsload}) into its {@code target/}
 * directory, once per run, with Debian's Go and nats.go in GOPATH mode: no module proxy, no network.
 */
public final class GoLoadBuild {

	/** Where Debian's {@code golang-*-dev} packages put their sources, nats.go among them. */
	public static final Path DEBIAN_GOPATH = Path.of("/usr/share/gocode");

	/** The nats.go package the generator imports. */
	public static final Path NATS_GO = DEBIAN_GOPATH.resolve("src/github.com/nats-io/nats.go");

	private static final String INSTALL_HINT = "install them with 'apt-get install -y golang-go "
			+ "golang-github-nats-io-go-nats-dev' (bench/run does when they are missing), or run with --load jnats";

	private final Path source;

	private final Path target;

	private GoLoadGenerator generator;

	private GoLoadBuild(Path source, Path target) {
		this.source = source;
		this.target = target;
	}

	/**
	 * Describes the build inside a module directory.
	 * @param moduleDirectory the {@code nats-benchmarks} module directory
	 * @return the build, not yet run
	 */
	public static GoLoadBuild inModule(Path moduleDirectory) {
		Path module = moduleDirectory.toAbsolutePath().normalize();
		return new GoLoadBuild(module.resolve("src/main/go/natsload"), module.resolve("target"));
	}

	/**
	 * Describes the build for the module this code was loaded from: the benchmark jar and the test classes both
	 * sit in its {@code target/} directory.
	 * @return the build, not yet run
	 */
	public static GoLoadBuild ofThisModule() {
		try {
			Path codeSource = Path.of(GoLoadBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return inModule(codeSource.getParent().getParent());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Cannot locate the benchmark module", ex);
		}
	}

	/**
	 * Finds the {@code go} command: on {@code PATH}, else where Debian's {@code golang-go} puts it.
	 * @return the command, empty when Go is not installed
	 */
	public static Optional<Path> findGo() {
		for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
			Path candidate = Path.of(directory, "go");
			if (!directory.isEmpty() && Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.of(Path.of("/usr/lib/go/bin/go")).filter(Files::isExecutable);
	}

	/**
	 * Returns the generator, building it on the first call.
	 * @return the built generator
	 * @throws IOException when Go or nats.go is missing or the build fails
	 * @throws InterruptedException when interrupted while building
	 */
	public synchronized GoLoadGenerator generator() throws IOException, InterruptedException {
		if (this.generator == null) {
			this.generator = build();
		}
		return this.generator;
	}

	private GoLoadGenerator build() throws IOException, InterruptedException {
		Path go = findGo().orElseThrow(() -> new IOException("The go command is missing: " + INSTALL_HINT));
		if (!Files.isDirectory(NATS_GO)) {
			throw new IOException("nats.go is missing at " + NATS_GO + ": " + INSTALL_HINT);
		}
		if (!Files.isDirectory(this.source)) {
			throw new IOException("The generator's source is missing at " + this.source);
		}
		Path binary = this.target.resolve("natsload");
		ProcessBuilder builder = new ProcessBuilder(go.toString(), "build", "-o", binary.toString(), ".")
			.directory(this.source.toFile())
			.redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.put("GO111MODULE", "off");
		environment.put("GOPATH", DEBIAN_GOPATH.toString());
		environment.put("GOCACHE", this.target.resolve("go-cache").toString());
		environment.put("GOPROXY", "off");
		environment.put("GOENV", "off");
		environment.put("GOFLAGS", "");
		environment.put("CGO_ENABLED", "0");
		run(builder, "go build in " + this.source);
		String version = run(new ProcessBuilder(binary.toString(), "-version").redirectErrorStream(true), "natsload")
			.trim();
		return new GoLoadGenerator(binary, version);
	}

	private static String run(ProcessBuilder builder, String what) throws IOException, InterruptedException {
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int status = process.waitFor();
		if (status != 0) {
			throw new IOException(what + " exited with status " + status + ":\n" + output);
		}
		return output;
	}

}
