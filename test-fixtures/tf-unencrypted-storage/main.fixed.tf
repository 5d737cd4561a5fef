# vigil-expect: tf-unencrypted-storage
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}

# vigil-ok: tf-unencrypted-storage
resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  size              = 100
  # vigil-expect: tf-unencrypted-storage
  encrypted         = true
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  # vigil-ok: tf-unencrypted-storage
  encrypted         = true
}

# vigil-expect: tf-unencrypted-storage
resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
}

# vigil-ok: tf-unencrypted-storage
resource "aws_db_instance" "replica" {
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
}

# vigil-ok: tf-unencrypted-storage
resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}
