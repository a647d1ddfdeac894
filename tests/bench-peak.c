/* bench-peak.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs a command and reports its peak memory, for build-aux/benchmark.py.  A child that a
 * Python process starts with vfork or posix_spawn is charged, at exec, the high-water mark of
 * the Python process it replaced: `true` started so peaks at 27 MB.  This launcher is a small
 * C program without GLib that fork()s and execs, so the child starts from this process's own
 * megabyte or so, and reads the child's peak from wait4().
 *
 *   bench-peak [--fd N] COMMAND [ARG…]
 *
 * Writes one line "bench-peak maxrss-kb=K seconds=S" to file descriptor N (default 2, standard
 * error), K the command's peak resident memory in KiB and S its wall time from fork to exit,
 * and exits with the command's status: its exit code, or the same signal raised again.
 * Standard input, output and error are the command's, untouched.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static int
usage (void)
{
  fprintf (stderr, "usage: bench-peak [--fd N] COMMAND [ARG…]\n");
  return 2;
}

int
main (int   argc,
      char *argv[])
{
  struct rusage usage_of_child;
  double start;
  FILE *report;
  pid_t pid;
  int first = 1;
  int fd = 2;
  int status;

  if (argc > 2 && strcmp (argv[1], "--fd") == 0)
    {
      char *end = NULL;
      long value = strtol (argv[2], &end, 10);

      if (end == argv[2] || *end != '\0' || value < 0 || value > 1024)
        return usage ();
      fd = (int) value;
      first = 3;
    }
  if (first >= argc)
    return usage ();

  /* The report's descriptor is the launcher's, not the command's. */
  if (fd > 2 && fcntl (fd, F_SETFD, FD_CLOEXEC) < 0)
    {
      fprintf (stderr, "bench-peak: file descriptor %d: %s\n", fd, strerror (errno));
      return 2;
    }

  start = now_seconds ();
  pid = fork ();
  if (pid < 0)
    {
      fprintf (stderr, "bench-peak: fork: %s\n", strerror (errno));
      return 2;
    }
  if (pid == 0)
    {
      execvp (argv[first], argv + first);
      fprintf (stderr, "bench-peak: %s: %s\n", argv[first], strerror (errno));
      _exit (127);
    }

  while (wait4 (pid, &status, 0, &usage_of_child) < 0)
    {
      if (errno != EINTR)
        {
          fprintf (stderr, "bench-peak: wait4: %s\n", strerror (errno));
          return 2;
        }
    }

  report = fdopen (fd, "w");
  if (report == NULL)
    {
      fprintf (stderr, "bench-peak: file descriptor %d: %s\n", fd, strerror (errno));
      return 2;
    }
  fprintf (report, "bench-peak maxrss-kb=%ld seconds=%.6f\n",
           usage_of_child.ru_maxrss, now_seconds () - start);
  fflush (report);

  if (WIFSIGNALED (status))
    {
      signal (WTERMSIG (status), SIG_DFL);
      raise (WTERMSIG (status));
      return 128 + WTERMSIG (status);
    }
  return WEXITSTATUS (status);
}
