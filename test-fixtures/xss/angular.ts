import { Component, Input } from '@angular/core';
import { DomSanitizer, SafeHtml, SafeResourceUrl } from '@angular/platform-browser';
import DOMPurify from 'dompurify';

const HELP_HTML = '<b>Help</b>';

@Component({ selector: 'app-note', template: '<div [innerHTML]="html"></div>' })
export class NoteComponent {
  @Input() body = '';
  html: SafeHtml = '';
  frame: SafeResourceUrl = '';

  constructor(private sanitizer: DomSanitizer) {}

  render(videoId: string): void {
    // vigil-expect: xss
    this.html = this.sanitizer.bypassSecurityTrustHtml(this.body);
    // vigil-expect: xss
    this.frame = this.sanitizer.bypassSecurityTrustResourceUrl(`https://player.example.com/${videoId}`);
    // vigil-ok: xss
    this.html = this.sanitizer.bypassSecurityTrustHtml(HELP_HTML);
    // vigil-ok: xss
    this.html = this.sanitizer.bypassSecurityTrustHtml(DOMPurify.sanitize(this.body));
    // vigil-ok: xss
    this.html = this.sanitizer.sanitize(1, this.body) ?? '';
  }
}
