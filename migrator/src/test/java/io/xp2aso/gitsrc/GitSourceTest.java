package io.xp2aso.gitsrc;

import io.xp2aso.cli.Main;
import io.xp2aso.source.InputException;
import io.xp2aso.source.Manifest;
import io.xp2aso.source.SourceSet;
import io.xp2aso.testutil.GitFixture;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitSourceTest {
    @TempDir
    Path tmp;

    private static String cm(String name) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n";
    }

    private GitFixture history() {
        GitFixture g = GitFixture.init(tmp.resolve("repo"));
        g.write("platform/a.yaml", cm("a1"))
                .write("other/o.yaml", cm("o"))
                .write("README.md", "not read\n")
                .commit("first");
        g.tag("v1");
        g.write("platform/a.yaml", cm("a2") + "---\n" + cm("a3"))
                .write("platform/sub/b.json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"b\"}}")
                .write("platform/.hidden/h.yaml", cm("hidden"))
                .write("platform/chart/t.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.n }}\n{{- end }}\n")
                .commit("second");
        return g;
    }

    private static List<String> names(SourceSet s) {
        return s.manifests().stream().map(Manifest::name).toList();
    }

    @Test
    void readsAnyRefWithoutCheckoutAndNamesFilesByRepoPath() throws Exception {
        try (GitFixture g = history(); GitRepository repo = GitRepository.open(g.dir().toString())) {
            // The work tree is changed but not committed: Git sources read the commit, never the disk.
            Files.writeString(g.dir().resolve("platform/a.yaml"), cm("dirty"));
            SourceSet head = repo.read("HEAD");
            assertEquals(List.of("o", "a2", "a3", "b"), names(head));
            Manifest a3 = head.manifests().get(2);
            assertEquals("platform/a.yaml", a3.origin().file());
            assertEquals(6, a3.origin().line());
            assertEquals("platform/sub/b.json", head.manifests().get(3).origin().file());
            assertEquals(1, head.skipped().size());
            assertTrue(head.skipped().get(0).reason().contains("Helm"));
            assertEquals("platform/chart/t.yaml", head.skipped().get(0).origin().file());

            assertEquals(List.of("o", "a1"), names(repo.read("HEAD~1")));
            assertEquals(List.of("o", "a1"), names(repo.read("v1")));
            assertEquals("platform/a.yaml", repo.read("v1").manifests().get(1).origin().file());
            String first = repo.commit("v1").name();
            assertEquals(List.of("o", "a1"), names(repo.read(first.substring(0, 10))));
            assertEquals(List.of("o", "a2", "a3", "b"), names(repo.read("main")));
        }
    }

    @Test
    void subfolderFromArgumentOrFromPathInsideTheWorkTree() {
        try (GitFixture g = history()) {
            try (GitRepository repo = GitRepository.open(g.dir().toString())) {
                assertEquals(List.of("a2", "a3", "b"), names(repo.read("HEAD", "platform")));
                assertEquals(List.of("b"), names(repo.read("HEAD", "./platform/sub/")));
                InputException e = assertThrows(InputException.class, () -> repo.read("HEAD", "nope"));
                assertEquals("nope@HEAD", e.origin().file());
                InputException notFolder = assertThrows(InputException.class, () -> repo.read("HEAD", "README.md"));
                assertTrue(notFolder.getMessage().contains("no such folder"));
            }
            try (GitRepository repo = GitRepository.open(g.dir().resolve("platform").toString())) {
                assertEquals("platform", repo.defaultSubfolder());
                assertEquals(List.of("a1"), names(repo.read("v1")));
            }
            assertEquals(List.of("b"), names(GitSource.read(g.dir().resolve("platform/sub").toString(), "HEAD")));
        }
    }

    @Test
    void clonesUrlsIntoATemporaryBareRepository() {
        try (GitFixture g = history()) {
            String url = g.dir().toUri().toString();
            assertTrue(url.startsWith("file:"));
            assertTrue(GitSource.isGitSource(url));
            assertEquals(List.of("o", "a1"), names(GitSource.read(url, "v1")));
            assertEquals(List.of("b"), names(GitSource.read(url + "//platform/sub", "main")));
            // The bare clone's branches are the remote's branches; the bare-clone's HEAD follows the remote's.
            assertEquals(List.of("o", "a2", "a3", "b"), names(GitSource.read(url, "HEAD")));
        }
    }

    @Test
    void readsBareRepositoriesAndDotGitFolders() throws Exception {
        try (GitFixture g = history()) {
            Path bare = tmp.resolve("bare.git");
            org.eclipse.jgit.api.Git.cloneRepository().setURI(g.dir().toUri().toString())
                    .setDirectory(bare.toFile()).setBare(true).call().close();
            assertTrue(GitSource.isGitSource(bare.toString()));
            assertEquals(List.of("o", "a1"), names(GitSource.read(bare.toString(), "v1")));
            assertTrue(GitSource.isGitSource(g.dir().resolve(".git").toString()));
            assertEquals(List.of("o", "a1"), names(GitSource.read(g.dir().resolve(".git").toString(), "HEAD~1")));
            assertFalse(GitSource.isGitSource(g.dir().toString()), "a work tree is read from disk unless --ref is given");
        }
    }

    @Test
    void badRefsAndNonRepositoriesAreInputErrors() throws Exception {
        try (GitFixture g = history(); GitRepository repo = GitRepository.open(g.dir().toString())) {
            InputException unknown = assertThrows(InputException.class, () -> repo.read("no-such-branch"));
            assertTrue(unknown.getMessage().contains("unknown ref 'no-such-branch'"), unknown.getMessage());
            assertThrows(InputException.class, () -> repo.read("HEAD~5"));
            assertThrows(InputException.class, () -> repo.read("HEAD^^^{tree}:x"));
        }
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        InputException notRepo = assertThrows(InputException.class, () -> GitSource.read(plain.toString(), "HEAD"));
        assertTrue(notRepo.getMessage().contains("not a Git repository"), notRepo.getMessage());
        assertEquals(plain.toString(), notRepo.origin().file());
        assertThrows(InputException.class, () -> GitSource.read(tmp.resolve("missing").toString(), "HEAD"));
        InputException noClone = assertThrows(InputException.class,
                () -> GitSource.read(tmp.resolve("missing").toUri().toString(), "HEAD"));
        assertTrue(noClone.getMessage().startsWith("cannot clone"), noClone.getMessage());
    }

    @Test
    void malformedYamlAtARefNamesPathRefAndLine() {
        try (GitFixture g = GitFixture.init(tmp.resolve("bad"))) {
            g.write("x/ok.yaml", cm("ok")).commit("ok");
            RevCommit bad = g.write("x/bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n  other: x\n").commit("bad");
            assertEquals(1, GitSource.read(g.dir().toString(), "HEAD~1").manifests().size());
            InputException e = assertThrows(InputException.class, () -> GitSource.read(g.dir().toString(), "HEAD"));
            assertEquals("x/bad.yaml@HEAD", e.origin().file());
            assertTrue(e.origin().line() >= 4);
            assertTrue(e.render().startsWith("error: x/bad.yaml@HEAD:"), e.render());
            assertTrue(bad.getShortMessage().equals("bad"));
        }
    }

    @Test
    void urlParsing() {
        assertEquals(new GitLocation("https://h/o/r.git", true, "a/b"), GitLocation.parse("https://h/o/r.git//a/b/"));
        assertEquals(new GitLocation("git@github.com:o/r.git", true, ""), GitLocation.parse("git@github.com:o/r.git"));
        assertEquals(new GitLocation("./local", false, ""), GitLocation.parse("./local"));
        assertFalse(GitLocation.isUrl("some/path@x"));
        assertFalse(GitLocation.isUrl("C:/work"));
    }
}
