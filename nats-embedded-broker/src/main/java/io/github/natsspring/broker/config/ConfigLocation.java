package io.github.natsspring.broker.config;

/**
 * Where a value of a configuration file was written, as nats-server reports it: {@code file:line:column}. For a
 * map entry it is where its key starts. The column counts as nats-server's does: from 0 on the first line, and on
 * the following lines from the newline that ends the previous line (so the first character is column 1).
 *
 * @param file the file as nats-server names it: the path given, or for an included file the including file's
 * directory joined with the include path
 * @param line the line, from 1
 * @param column the column, as described above
 */
public record ConfigLocation(String file, int line, int column) {

	@Override
	public String toString() {
		return this.file + ":" + this.line + ":" + this.column;
	}
}
