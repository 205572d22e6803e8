package dk.barometer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The driver's peak heap: the peak usage of every heap pool (eden, survivor, old), summed. In local mode the
 * executors run in the driver's JVM, so this is the whole job's heap. The sum of per-pool peaks may exceed the
 * heap's true peak (the pools peak at different moments): an upper bound, comparable across sizes.
 */
final class HeapPeak {
  private HeapPeak() {}

  static void reset() {
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  static long bytes() {
    return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  }
}
