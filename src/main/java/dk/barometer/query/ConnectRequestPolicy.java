package dk.barometer.query;

import dk.barometer.config.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.connect.proto.Command;
import org.apache.spark.connect.proto.ConfigRequest;
import org.apache.spark.connect.proto.ExecutePlanRequest;
import org.apache.spark.connect.proto.KeyValue;
import org.sparkproject.connect.protobuf.Any;
import org.sparkproject.connect.protobuf.Descriptors.FieldDescriptor;
import org.sparkproject.connect.protobuf.Message;

/**
 * Which Spark Connect requests a role below engineer may send. The read-only guard checks every plan Spark analyses;
 * this refuses what would act before or beside analysis: uploading jars or classes (AddArtifacts), user-defined
 * functions and data sources (their code or serialised closures run on the server), extensions but the estimate
 * request as a relation ({@link EstimateRelations}, which every role may send), commands other than SQL and
 * temporary views (writes, streaming, checkpoints, ML), global views, and setting a configuration key that
 * {@code conf/access.yaml} does not list as settable.
 */
final class ConnectRequestPolicy {
  static final String ADD_ARTIFACTS = "AddArtifacts";

  // SQL goes to the guard as a plan; a temporary view is a plan too, and so is freeing a cached relation.
  private static final Set<Command.CommandTypeCase> READ_COMMANDS = EnumSet.of(Command.CommandTypeCase.SQL_COMMAND,
      Command.CommandTypeCase.CREATE_DATAFRAME_VIEW, Command.CommandTypeCase.GET_RESOURCES_COMMAND,
      Command.CommandTypeCase.REMOVE_CACHED_REMOTE_RELATION_COMMAND);

  // Messages that carry code (or an opaque payload) for the server to run, wherever they appear in a request.
  private static final Set<String> CODE_MESSAGES = Set.of("spark.connect.CommonInlineUserDefinedFunction",
      "spark.connect.CommonInlineUserDefinedTableFunction", "spark.connect.CommonInlineUserDefinedDataSource",
      "spark.connect.ScalarScalaUDF", "spark.connect.JavaUDF", "spark.connect.PythonUDF",
      "spark.connect.PythonUDTF", "spark.connect.PythonDataSource", "spark.connect.MlRelation",
      "google.protobuf.Any");
  /** The one extension a role below engineer may send: a relation's, of the estimate request's type. */
  private static final String RELATION = "spark.connect.Relation";
  private static final String EXTENSION = "extension";

  private final Set<String> settable;

  ConnectRequestPolicy(List<String> settable) {
    this.settable = Set.copyOf(settable);
  }

  /** Why {@code role} may not call {@code method} at all (by its bare name), or empty if it may. */
  Optional<String> refuseCall(Role role, String method) {
    return !role.mayWrite() && ADD_ARTIFACTS.equals(method)
        ? Optional.of("uploading artifacts (jars, classes, files) is for the engineer role only")
        : Optional.empty();
  }

  /** Why {@code role} may not send {@code request}, or empty if it may. */
  Optional<String> refuse(Role role, Message request) {
    if (role.mayWrite()) {
      return Optional.empty();
    }
    Optional<String> code = codeIn(request);
    if (code.isPresent()) {
      return code;
    }
    if (request instanceof ExecutePlanRequest execute && execute.getPlan().hasCommand()) {
      return refuseCommand(execute.getPlan().getCommand());
    }
    if (request instanceof ConfigRequest config) {
      return refuseConfig(config.getOperation());
    }
    return Optional.empty();
  }

  private static Optional<String> refuseCommand(Command command) {
    Command.CommandTypeCase type = command.getCommandTypeCase();
    if (!READ_COMMANDS.contains(type)) {
      return Optional.of("command " + type + " is for the engineer role only; send SQL or DataFrame queries");
    }
    if (type == Command.CommandTypeCase.CREATE_DATAFRAME_VIEW && command.getCreateDataframeView().getIsGlobal()) {
      return Optional.of("a global temporary view is shared with other sessions; create a session's own view");
    }
    return Optional.empty();
  }

  private Optional<String> refuseConfig(ConfigRequest.Operation operation) {
    List<String> keys = switch (operation.getOpTypeCase()) {
      case SET -> operation.getSet().getPairsList().stream().map(KeyValue::getKey).toList();
      case UNSET -> operation.getUnset().getKeysList();
      default -> List.of();
    };
    return keys.stream().filter(key -> !settable.contains(key)).findFirst()
        .map(key -> "setting '" + key + "' is refused; settable are " + settable.stream().sorted().toList()
            + " (conf/access.yaml)");
  }

  private static Optional<String> codeIn(Message message) {
    String type = message.getDescriptorForType().getFullName();
    if (CODE_MESSAGES.contains(type)) {
      return Optional.of(type.substring(type.lastIndexOf('.') + 1)
          + " runs code on the server and is for the engineer role only");
    }
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE || estimate(type, field)) {
        continue;
      }
      Iterable<?> values = field.getKey().isRepeated() ? (List<?>) field.getValue() : List.of(field.getValue());
      for (Object value : values) {
        Optional<String> found = codeIn((Message) value);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code field} of a message of {@code type} is a relation's extension holding an estimate request. */
  private static boolean estimate(String type, Map.Entry<FieldDescriptor, Object> field) {
    return RELATION.equals(type) && EXTENSION.equals(field.getKey().getName())
        && field.getValue() instanceof Any any && EstimateMessage.isEstimate(any);
  }
}
