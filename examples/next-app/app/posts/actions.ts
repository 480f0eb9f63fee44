'use server';
// app/posts/actions.ts — Server Actions as an agent writes them. Each export is a POST endpoint
// that any client can call with its action id, whatever page renders the form.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { auth } from '@/auth';
import { db } from '@/lib/db';

// ❌ anyone can delete any post: the page that shows the button checked the session, the action does not
export async function deletePost(id: string) {
  await db.post.delete({ where: { id } });
  revalidatePath('/posts');
}

// ✅ the action checks the session itself before it writes
export async function publishPost(id: string) {
  const session = await auth();
  if (!session?.user) {
    redirect('/login');
  }
  await db.post.update({ where: { id, authorId: session.user.id }, data: { published: true } });
  revalidatePath('/posts');
}
