require 'open3'
require 'shellwords'

class Backup
  def archive(name)
    # vigil-expect: command-injection
    system("tar czf /backups/#{name}.tgz /srv/site")
  end

  def listing(dir)
    # vigil-expect: command-injection
    `ls -la #{dir}`
  end

  def disk(dir)
    # vigil-expect: command-injection
    %x(du -sh #{dir})
  end

  def grep(pattern)
    # vigil-expect: command-injection
    IO.popen("grep #{pattern} /var/log/app.log").read
  end

  def archive_safe(name)
    # vigil-ok: command-injection
    system("tar", "czf", "/backups/#{name}.tgz", "/srv/site")
  end

  def listing_safe(dir)
    # vigil-ok: command-injection
    `ls -la #{Shellwords.escape(dir)}`
  end

  def uptime
    # vigil-ok: command-injection
    `uptime`
  end

  def grep_safe(pattern)
    # vigil-ok: command-injection
    Open3.capture2("grep", "--", pattern, "/var/log/app.log")
  end

  def tail(count)
    # vigil-ok: command-injection
    system("tail -n #{count.to_i} /var/log/app.log")
  end
end
