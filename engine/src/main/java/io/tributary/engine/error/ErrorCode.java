package io.tributary.engine.error;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A MongoDB error code and its codeName, exactly as {@code error_codes.yml} in the MongoDB server names them.
 *
 * <p>Codes that MongoDB raises from an anonymous assertion have no name of their own; the server reports them
 * with the codeName {@code Location<code>}: use {@link #location(int)} for those. Immutable and thread-safe.
 */
public record ErrorCode(int code, String codeName) {
  public static final ErrorCode INTERNAL_ERROR = new ErrorCode(1, "InternalError");
  public static final ErrorCode BAD_VALUE = new ErrorCode(2, "BadValue");
  public static final ErrorCode NO_SUCH_KEY = new ErrorCode(4, "NoSuchKey");
  public static final ErrorCode HOST_UNREACHABLE = new ErrorCode(6, "HostUnreachable");
  public static final ErrorCode HOST_NOT_FOUND = new ErrorCode(7, "HostNotFound");
  public static final ErrorCode UNKNOWN_ERROR = new ErrorCode(8, "UnknownError");
  public static final ErrorCode FAILED_TO_PARSE = new ErrorCode(9, "FailedToParse");
  public static final ErrorCode CANNOT_MUTATE_OBJECT = new ErrorCode(10, "CannotMutateObject");
  public static final ErrorCode UNAUTHORIZED = new ErrorCode(13, "Unauthorized");
  public static final ErrorCode TYPE_MISMATCH = new ErrorCode(14, "TypeMismatch");
  public static final ErrorCode OVERFLOW = new ErrorCode(15, "Overflow");
  public static final ErrorCode INVALID_LENGTH = new ErrorCode(16, "InvalidLength");
  public static final ErrorCode PROTOCOL_ERROR = new ErrorCode(17, "ProtocolError");
  public static final ErrorCode ILLEGAL_OPERATION = new ErrorCode(20, "IllegalOperation");
  public static final ErrorCode EMPTY_ARRAY_OPERATION = new ErrorCode(21, "EmptyArrayOperation");
  public static final ErrorCode INVALID_BSON = new ErrorCode(22, "InvalidBSON");
  public static final ErrorCode CANNOT_BACKFILL_ARRAY = new ErrorCode(34, "CannotBackfillArray");
  public static final ErrorCode NAMESPACE_NOT_FOUND = new ErrorCode(26, "NamespaceNotFound");
  public static final ErrorCode INDEX_NOT_FOUND = new ErrorCode(27, "IndexNotFound");
  public static final ErrorCode PATH_NOT_VIABLE = new ErrorCode(28, "PathNotViable");
  public static final ErrorCode NON_EXISTENT_PATH = new ErrorCode(29, "NonExistentPath");
  public static final ErrorCode INVALID_PATH = new ErrorCode(30, "InvalidPath");
  public static final ErrorCode CONFLICTING_UPDATE_OPERATORS = new ErrorCode(40, "ConflictingUpdateOperators");
  public static final ErrorCode CURSOR_NOT_FOUND = new ErrorCode(43, "CursorNotFound");
  public static final ErrorCode NO_MATCHING_DOCUMENT = new ErrorCode(47, "NoMatchingDocument");
  public static final ErrorCode NAMESPACE_EXISTS = new ErrorCode(48, "NamespaceExists");
  public static final ErrorCode MAX_TIME_MS_EXPIRED = new ErrorCode(50, "MaxTimeMSExpired");
  public static final ErrorCode DOLLAR_PREFIXED_FIELD_NAME = new ErrorCode(52, "DollarPrefixedFieldName");
  public static final ErrorCode INVALID_ID_FIELD = new ErrorCode(53, "InvalidIdField");
  public static final ErrorCode NOT_SINGLE_VALUE_FIELD = new ErrorCode(54, "NotSingleValueField");
  public static final ErrorCode EMPTY_FIELD_NAME = new ErrorCode(56, "EmptyFieldName");
  public static final ErrorCode DOTTED_FIELD_NAME = new ErrorCode(57, "DottedFieldName");
  public static final ErrorCode COMMAND_NOT_FOUND = new ErrorCode(59, "CommandNotFound");
  public static final ErrorCode IMMUTABLE_FIELD = new ErrorCode(66, "ImmutableField");
  public static final ErrorCode CANNOT_CREATE_INDEX = new ErrorCode(67, "CannotCreateIndex");
  public static final ErrorCode INDEX_ALREADY_EXISTS = new ErrorCode(68, "IndexAlreadyExists");
  public static final ErrorCode INVALID_OPTIONS = new ErrorCode(72, "InvalidOptions");
  public static final ErrorCode INVALID_NAMESPACE = new ErrorCode(73, "InvalidNamespace");
  public static final ErrorCode UNKNOWN_REPL_WRITE_CONCERN = new ErrorCode(79, "UnknownReplWriteConcern");
  public static final ErrorCode INDEX_OPTIONS_CONFLICT = new ErrorCode(85, "IndexOptionsConflict");
  public static final ErrorCode INDEX_KEY_SPECS_CONFLICT = new ErrorCode(86, "IndexKeySpecsConflict");
  public static final ErrorCode NETWORK_TIMEOUT = new ErrorCode(89, "NetworkTimeout");
  public static final ErrorCode SHUTDOWN_IN_PROGRESS = new ErrorCode(91, "ShutdownInProgress");
  public static final ErrorCode OPERATION_FAILED = new ErrorCode(96, "OperationFailed");
  public static final ErrorCode UNSATISFIABLE_WRITE_CONCERN = new ErrorCode(100, "UnsatisfiableWriteConcern");
  public static final ErrorCode WRITE_CONFLICT = new ErrorCode(112, "WriteConflict");
  public static final ErrorCode COMMAND_NOT_SUPPORTED = new ErrorCode(115, "CommandNotSupported");
  public static final ErrorCode DOCUMENT_VALIDATION_FAILURE = new ErrorCode(121, "DocumentValidationFailure");
  public static final ErrorCode CURSOR_KILLED = new ErrorCode(237, "CursorKilled");
  public static final ErrorCode NOT_IMPLEMENTED = new ErrorCode(238, "NotImplemented");
  public static final ErrorCode COMMAND_FAILED = new ErrorCode(125, "CommandFailed");
  public static final ErrorCode FAILED_TO_SATISFY_READ_PREFERENCE = new ErrorCode(133, "FailedToSatisfyReadPreference");
  public static final ErrorCode CAPPED_POSITION_LOST = new ErrorCode(136, "CappedPositionLost");
  public static final ErrorCode EXCEEDED_MEMORY_LIMIT = new ErrorCode(146, "ExceededMemoryLimit");
  public static final ErrorCode STALE_EPOCH = new ErrorCode(150, "StaleEpoch");
  public static final ErrorCode COMMAND_NOT_SUPPORTED_ON_VIEW = new ErrorCode(166, "CommandNotSupportedOnView");
  public static final ErrorCode OPTION_NOT_SUPPORTED_ON_VIEW = new ErrorCode(167, "OptionNotSupportedOnView");
  public static final ErrorCode INVALID_PIPELINE_OPERATOR = new ErrorCode(168, "InvalidPipelineOperator");
  public static final ErrorCode PRIMARY_STEPPED_DOWN = new ErrorCode(189, "PrimarySteppedDown");
  public static final ErrorCode NO_SUCH_SESSION = new ErrorCode(206, "NoSuchSession");
  public static final ErrorCode ELECTION_IN_PROGRESS = new ErrorCode(216, "ElectionInProgress");
  public static final ErrorCode INCOMPLETE_TRANSACTION_HISTORY = new ErrorCode(217, "IncompleteTransactionHistory");
  public static final ErrorCode TRANSACTION_TOO_OLD = new ErrorCode(225, "TransactionTooOld");
  public static final ErrorCode RETRY_CHANGE_STREAM = new ErrorCode(234, "RetryChangeStream");
  public static final ErrorCode CONVERSION_FAILURE = new ErrorCode(241, "ConversionFailure");
  public static final ErrorCode NO_SUCH_TRANSACTION = new ErrorCode(251, "NoSuchTransaction");
  public static final ErrorCode TRANSACTION_COMMITTED = new ErrorCode(256, "TransactionCommitted");
  public static final ErrorCode INVALID_RESUME_TOKEN = new ErrorCode(260, "InvalidResumeToken");
  public static final ErrorCode EXCEEDED_TIME_LIMIT = new ErrorCode(262, "ExceededTimeLimit");
  public static final ErrorCode OPERATION_NOT_SUPPORTED_IN_TRANSACTION =
      new ErrorCode(263, "OperationNotSupportedInTransaction");
  public static final ErrorCode CHANGE_STREAM_FATAL_ERROR = new ErrorCode(280, "ChangeStreamFatalError");
  public static final ErrorCode CHANGE_STREAM_HISTORY_LOST = new ErrorCode(286, "ChangeStreamHistoryLost");
  public static final ErrorCode API_STRICT_ERROR = new ErrorCode(323, "APIStrictError");
  public static final ErrorCode ALREADY_INITIALIZED = new ErrorCode(23, "AlreadyInitialized");
  public static final ErrorCode WRITE_CONCERN_FAILED = new ErrorCode(64, "WriteConcernFailed");
  public static final ErrorCode READ_CONCERN_MAJORITY_NOT_AVAILABLE_YET =
      new ErrorCode(134, "ReadConcernMajorityNotAvailableYet");
  public static final ErrorCode CLIENT_METADATA_CANNOT_BE_MUTATED = new ErrorCode(186, "ClientMetadataCannotBeMutated");
  public static final ErrorCode ILLEGAL_OP_MSG_FLAG = new ErrorCode(223, "IllegalOpMsgFlag");
  public static final ErrorCode FAIL_POINT_SET_FAILED = new ErrorCode(266, "FailPointSetFailed");
  public static final ErrorCode CHECKSUM_MISMATCH = new ErrorCode(288, "ChecksumMismatch");
  public static final ErrorCode UNSUPPORTED_OP_QUERY_COMMAND = new ErrorCode(352, "UnsupportedOpQueryCommand");
  public static final ErrorCode SNAPSHOT_TOO_OLD = new ErrorCode(239, "SnapshotTooOld");
  public static final ErrorCode INCOMPATIBLE_COLLATION_VERSION = new ErrorCode(161, "IncompatibleCollationVersion");
  public static final ErrorCode SOCKET_EXCEPTION = new ErrorCode(9001, "SocketException");
  public static final ErrorCode NOT_WRITABLE_PRIMARY = new ErrorCode(10107, "NotWritablePrimary");
  public static final ErrorCode BSON_OBJECT_TOO_LARGE = new ErrorCode(10334, "BSONObjectTooLarge");
  public static final ErrorCode DUPLICATE_KEY = new ErrorCode(11000, "DuplicateKey");
  public static final ErrorCode INTERRUPTED_AT_SHUTDOWN = new ErrorCode(11600, "InterruptedAtShutdown");
  public static final ErrorCode INTERRUPTED = new ErrorCode(11601, "Interrupted");
  public static final ErrorCode INTERRUPTED_DUE_TO_REPL_STATE_CHANGE =
      new ErrorCode(11602, "InterruptedDueToReplStateChange");
  public static final ErrorCode STALE_CONFIG = new ErrorCode(13388, "StaleConfig");
  public static final ErrorCode NOT_PRIMARY_NO_SECONDARY_OK = new ErrorCode(13435, "NotPrimaryNoSecondaryOk");
  public static final ErrorCode NOT_PRIMARY_OR_SECONDARY = new ErrorCode(13436, "NotPrimaryOrSecondary");
  public static final ErrorCode KEY_TOO_LONG = new ErrorCode(17280, "KeyTooLong");

  /**
   * The code with this number: a named constant of this class, or {@link #location(int)} for any other (as
   * mongod names an unknown code, e.g. in a {@code failCommand} fail point's {@code errorCode}).
   */
  public static ErrorCode of(int code) {
    ErrorCode known = Named.BY_CODE.get(code);
    return known != null ? known : location(code);
  }

  /** An error MongoDB raises with a bare assertion id, e.g. 40324 for an unrecognized pipeline stage. */
  public static ErrorCode location(int code) {
    return new ErrorCode(code, "Location" + code);
  }

  public MongoError error(String message) {
    return new MongoError(this, message);
  }

  /** The named constants by code, read once from this class's fields so the list is written only once. */
  private static final class Named {
    static final Map<Integer, ErrorCode> BY_CODE = Arrays.stream(ErrorCode.class.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers())
            && field.getType() == ErrorCode.class)
        .map(Named::read)
        .collect(Collectors.toUnmodifiableMap(ErrorCode::code, e -> e, (a, b) -> a));

    private static ErrorCode read(Field field) {
      try {
        return (ErrorCode) field.get(null);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    private Named() {}
  }
}
