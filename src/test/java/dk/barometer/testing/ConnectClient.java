package dk.barometer.testing;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Spark Connect JVM client as an analyst's program runs it: in a class loader that sees the client's jars
 * only. It cannot share the test's loader, because the client and the server jar carry the same protocol classes
 * compiled against differently relocated protobuf packages; whichever came first would break the other.
 */
public final class ConnectClient {
  // The server side of the test class path: Spark itself, the Connect server, Delta and our main classes.
  private static final Pattern SERVER_SIDE = Pattern.compile(
      "(spark-(core|sql|catalyst|sql-api|connect)_2\\.13-.*|delta-.*)\\.jar|classes");

  // Never closed: the client's gRPC threads load classes from it until the JVM ends.
  private static URLClassLoader loader;

  private ConnectClient() {}

  /** Runs {@code sql} through the endpoint at {@code url}; each row's values as one string. */
  @SuppressWarnings("unchecked")
  public static List<String> query(String url, String sql) {
    return (List<String>) call("rows", url, sql);
  }

  /**
   * Calls static method {@code method} of {@code dk.barometer.testing.connect.RemoteQuery} in the client's loader;
   * what the client throws comes back as an IllegalStateException with its message.
   */
  public static Object call(String method, Object... args) {
    try {
      Class<?> remoteQuery = loader().loadClass("dk.barometer.testing.connect.RemoteQuery");
      Method target = Arrays.stream(remoteQuery.getMethods())
          .filter(m -> m.getName().equals(method) && m.getParameterCount() == args.length).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("RemoteQuery has no " + method));
      return target.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("Spark Connect call failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized ClassLoader loader() throws MalformedURLException {
    if (loader == null) {
      loader = new URLClassLoader(clientClassPath(), ClassLoader.getPlatformClassLoader());
    }
    return loader;
  }

  private static URL[] clientClassPath() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      File file = new File(entry);
      if (!SERVER_SIDE.matcher(file.getName()).matches()) {
        urls.add(file.toURI().toURL());
      }
    }
    return urls.toArray(URL[]::new);
  }
}
