package vn.motcua.system.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.motcua.system.Stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One person's browser: Debian's headless chromium through chromedriver, a fresh profile each time, a window
 * the size of a counter screen (1366×768) or a phone, and screenshots of each screen under
 * system-tests/target/screenshots/.
 */
final class Browser implements AutoCloseable {
    static final Dimension COUNTER_SCREEN = new Dimension(1366, 768);
    static final Dimension PHONE = new Dimension(390, 844);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final AtomicInteger SHOT = new AtomicInteger();

    final WebDriver driver;
    private final Path profile;
    private final String who;

    Browser(String who, Dimension size) {
        this.who = who;
        try {
            profile = Files.createTempDirectory("motcua-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=vi", "--user-data-dir=" + profile,
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(size);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    void open(String path) {
        driver.get(path.startsWith("http") ? path : Stack.CONSOLE + path);
    }

    /** Keycloak's own login page: the officer types their name and password (dev realm: password = name). */
    void signIn(String user) {
        open("/");
        waitFor(() -> driver.findElements(By.id("username")).size() > 0);
        shot("dang-nhap");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.id("kc-login")).click();
        waitFor(() -> driver.getCurrentUrl().startsWith(Stack.CONSOLE));
    }

    WebElement find(By by) {
        waitFor(() -> !driver.findElements(by).isEmpty());
        return driver.findElement(by);
    }

    /** The labelled field: the input whose label reads {@code label} exactly (as a screen reader finds it). */
    WebElement field(String label) {
        WebElement l = find(By.xpath("//label[normalize-space()='" + label + "']"));
        return driver.findElement(By.id(l.getAttribute("for")));
    }

    void type(String label, String text) {
        WebElement f = field(label);
        f.clear();
        f.sendKeys(text);
    }

    void click(String buttonOrLinkText) {
        find(By.xpath("//button[normalize-space()='" + buttonOrLinkText + "'] | //a[normalize-space()='"
                + buttonOrLinkText + "']")).click();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Reloads the page until {@code condition} holds: the services apply events a moment later. */
    void reloadUntil(Supplier<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(700))
                .until(() -> {
                    if (condition.get()) {
                        return true;
                    }
                    driver.navigate().refresh();
                    return false;
                });
    }

    void waitFor(Supplier<Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> condition.get());
    }

    /** Saves a screenshot as target/screenshots/NN-who-name.png. */
    Path shot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve("%02d-%s-%s.png".formatted(SHOT.incrementAndGet(), who, name));
            File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET with this browser's cookies (its console session): what a link would download. */
    HttpResponse<byte[]> download(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POST of a form with this browser's cookies, as a page of another site could make the browser send it. */
    HttpResponse<String> postForm(String url, String form) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        try {
            return HttpClient.newHttpClient().send(request.header("Cookie", cookies).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
