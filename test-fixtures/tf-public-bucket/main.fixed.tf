resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
  # vigil-expect: tf-public-bucket
  acl    = "private"
}

resource "aws_s3_bucket" "internal" {
  bucket = "acme-internal"
  # vigil-ok: tf-public-bucket
  acl    = "private"
}

resource "aws_s3_bucket_acl" "exports" {
  bucket = aws_s3_bucket.reports.id
  # vigil-expect: tf-public-bucket
  acl = "private"
}

resource "aws_s3_bucket_public_access_block" "reports" {
  bucket                  = aws_s3_bucket.reports.id
  # vigil-expect: tf-public-bucket
  block_public_acls       = true
  # vigil-ok: tf-public-bucket
  block_public_policy     = true
  # vigil-ok: tf-public-bucket
  ignore_public_acls      = true
  # vigil-ok: tf-public-bucket
  restrict_public_buckets = var.restrict
}

# A variable's description is not an ACL.
variable "acl" {
  # vigil-ok: tf-public-bucket
  default = "public-read"
}
