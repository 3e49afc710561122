package io.tributary.storage.rocksdb;

import io.tributary.engine.storage.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The on-disk format version of a data directory, kept in a small text file next to RocksDB's own files. It is
 * written (atomically, then made durable) when a directory is created and checked before RocksDB opens it, so an
 * incompatible or foreign directory fails with a clear message instead of being misread. Stateless.
 */
final class FormatVersion {
  /** Bump when the layout of keys, values or column families changes incompatibly. */
  static final int CURRENT = 1;
  static final String FILE_NAME = "TRIBUTARY_FORMAT";
  private static final String PREFIX = "tributary-rocksdb-format=";

  private FormatVersion() {}

  /** Checks an existing directory's version or stamps a new, empty one; creates the directory if needed. */
  static void checkOrCreate(Path dbpath) {
    try {
      Files.createDirectories(dbpath);
      Path marker = dbpath.resolve(FILE_NAME);
      if (Files.exists(marker)) {
        check(dbpath, Files.readString(marker, StandardCharsets.UTF_8).trim());
      } else if (isEmpty(dbpath)) {
        create(dbpath, marker);
      } else {
        throw new StorageException("dbpath " + dbpath + " is not empty and holds no Tributary rocksdb data (no "
            + FILE_NAME + " file); use an empty directory");
      }
    } catch (IOException e) {
      throw new StorageException("cannot prepare dbpath " + dbpath + ": " + e, e);
    }
  }

  private static void check(Path dbpath, String content) {
    int found;
    try {
      found = content.startsWith(PREFIX) ? Integer.parseInt(content.substring(PREFIX.length())) : -1;
    } catch (NumberFormatException e) {
      found = -1;
    }
    if (found < 0) {
      throw new StorageException("dbpath " + dbpath + " has an unreadable " + FILE_NAME + " file: '" + content + "'");
    }
    if (found != CURRENT) {
      throw new StorageException("dbpath " + dbpath + " holds rocksdb storage format version " + found
          + " but this Tributary reads only version " + CURRENT);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void create(Path dbpath, Path marker) throws IOException {
    Path temporary = Files.createTempFile(dbpath, FILE_NAME, ".tmp");
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
      channel.write(StandardCharsets.UTF_8.encode(PREFIX + CURRENT + "\n"));
      channel.force(true);
    }
    Files.move(temporary, marker, StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel directory = FileChannel.open(dbpath, StandardOpenOption.READ)) {
      directory.force(true); // makes the rename durable before RocksDB creates its files
    }
  }
}
