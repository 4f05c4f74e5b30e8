package so.ara.benchmarks.endpoint;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator on loopback: {@code loops} threads, each sending a fixed number of GETs one after the
 * other on a shared HTTP/1.1 client; throughput is the responses over the time until the last loop is done. A fixed
 * count, not a fixed time, keeps a measure under the runtime key's requests-per-minute limit. A response other than
 * 200 or a failed exchange counts as an error.
 */
final class LoadGenerator {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final int loops;

    LoadGenerator(int loops) {
        this.loops = loops;
    }

    /** Requests per second (successful responses) for {@code perLoop} requests in each loop, and the errors. */
    Result run(URI uri, int perLoop) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<String> firstErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < this.loops; i++) {
            Thread thread = new Thread(() -> {
                for (int n = 0; n < perLoop; n++) {
                    try {
                        HttpResponse<byte[]> response = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                        }
                        else {
                            errors.incrementAndGet();
                            if (firstErrors.size() < 3) {
                                firstErrors.add(response.statusCode() + " " + new String(response.body()));
                            }
                        }
                    }
                    catch (Exception ex) {
                        errors.incrementAndGet();
                        if (firstErrors.size() < 3) {
                            firstErrors.add(ex.toString());
                        }
                    }
                }
            }, "load-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(ok.get() / seconds, errors.get(), List.copyOf(firstErrors));
    }

    record Result(double requestsPerSecond, long errors, List<String> firstErrors) {
    }
}
