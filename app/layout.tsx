import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "./providers";
import { AppHeader } from "@/components/layout/AppHeader";
import { currentPerson } from "@/lib/server/auth/current-person";

export const metadata: Metadata = {
  title: { default: "Baton", template: "%s · Baton" },
  description: "Checkpoints, approvals and resume briefs for long-running agent work.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const person = await currentPerson();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers person={person}>
          <AppHeader person={person} />
          <main className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
